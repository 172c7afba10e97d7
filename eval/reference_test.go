package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The reference tests run ../shared/eval/score.py (the shared folder next to the repository root) on generated
// predictions and require the Go scorers to print the same lines.

type reference struct {
	python, shared string
}

// findReference locates python3 and the shared folder, or skips the test.
func findReference(t *testing.T) reference {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("skipping: no go.mod above the package directory, so ../shared cannot be located")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "eval", "score.py")); err != nil {
		t.Skipf("skipping: reference scorer %s is absent", filepath.Join(shared, "eval", "score.py"))
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("skipping: python3 is not on PATH, the reference scorer cannot run")
	}
	return reference{python: py, shared: shared}
}

func (r reference) data(parts ...string) string {
	return filepath.Join(append([]string{r.shared, "data"}, parts...)...)
}

// run runs score.py with args and returns its standard output and whether it succeeded.
func (r reference) run(t *testing.T, args ...string) (string, bool) {
	t.Helper()
	cmd := exec.Command(r.python, append([]string{filepath.Join(r.shared, "eval", "score.py")}, args...)...)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("running score.py: %v", err)
		}
		return stderr.String(), false
	}
	return out.String(), true
}

// same runs score.py and requires its output to be text followed by jsonLine.
func (r reference) same(t *testing.T, text, jsonLine string, args ...string) {
	t.Helper()
	out, ok := r.run(t, args...)
	if !ok {
		t.Fatalf("score.py %s failed:\n%s", strings.Join(args, " "), out)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if last := lines[len(lines)-1]; last != jsonLine {
		t.Fatalf("score.py %s\n python: %s\n     go: %s", strings.Join(args, " "), last, jsonLine)
	}
	t.Log(jsonLine)
	if want := text + "\n" + jsonLine + "\n"; out != want {
		t.Errorf("score.py %s: human lines differ\n python: %q\n     go: %q", strings.Join(args, " "), out, want)
	}
}

// fails runs score.py and requires it to fail, as the Go scorer did.
func (r reference) fails(t *testing.T, goErr error, args ...string) {
	t.Helper()
	if goErr == nil {
		t.Errorf("Go scorer succeeded where score.py %s should fail", strings.Join(args, " "))
	}
	if out, ok := r.run(t, args...); ok {
		t.Errorf("score.py %s succeeded where the Go scorer failed (%v):\n%s", strings.Join(args, " "), goErr, out)
	}
}

// lines renders rows as JSON Lines; a string row is written as it is.
func lines(t *testing.T, rows []any) string {
	t.Helper()
	var b strings.Builder
	for _, row := range rows {
		if s, ok := row.(string); ok {
			b.WriteString(s + "\n")
			continue
		}
		j, err := json.Marshal(row)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.String()
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func openFile(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// readRows decodes a JSON Lines file into generic values, numbers kept as written.
func readRows(t *testing.T, path string) []map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	for dec.More() {
		var row map[string]any
		if err := dec.Decode(&row); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		rows = append(rows, row)
	}
	return rows
}

// plus adds d to an integer JSON number, leaving anything else alone.
func plus(v any, d int64) any {
	if n, ok := v.(json.Number); ok {
		if i, err := n.Int64(); err == nil {
			return json.Number(fmt.Sprint(i + d))
		}
	}
	return v
}

// asFloat writes an integer JSON number as a float literal ("17.0"), or with a fraction that int() drops.
func asFloat(v any, frac string) any {
	if n, ok := v.(json.Number); ok && !strings.ContainsAny(string(n), ".eE") {
		return json.Number(string(n) + frac)
	}
	return v
}

// asString writes an integer JSON number as a string ("17"), which int() still reads.
func asString(v any) any {
	if n, ok := v.(json.Number); ok && !strings.ContainsAny(string(n), ".eE") {
		return string(n)
	}
	return v
}
