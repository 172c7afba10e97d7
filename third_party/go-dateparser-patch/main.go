// Command go-dateparser-patch regenerates third_party/go-dateparser: a copy of
// github.com/markusmobius/go-dateparser (version below) taken from the Go
// module cache, with the locale data of its internal/data package initialised
// lazily instead of in ~205 init functions.
//
// Upstream, every locale file in internal/data (en.go, fr.go, ...) has one
// func init() that builds that file's xx_Locale variables, compiling
// thousands of regular expressions at program start-up even when no date is
// ever parsed. This program:
//
//   - copies the library packages (no tests, scripts, test data or
//     benchmarks; the go:embed data files and the license/readme files are
//     kept);
//   - renames each locale file's func init() to loadLocaleFile_<file>();
//   - renames GetLocaleData in 00-locale-data.go to getLocaleDataUnloaded and
//     writes 06-lazy-load.go with a new GetLocaleData that runs the
//     sync.Once of the file holding the requested locale before returning;
//   - in internal/timezone, turns the initialiser of the timezone tables
//     (timezoneVars) into a function run by a sync.Once, and calls it first
//     in every function that reads them;
//   - checks the assumptions that make this safe (one init per locale file,
//     merge parents declared and built earlier in the same file, every
//     xx_Locale variable reachable only through GetLocaleData) and fails
//     otherwise;
//   - trims go.mod to the requirements of the copied packages (go mod tidy
//     with GOTOOLCHAIN=local, which keeps the pinned versions) and drops the
//     toolchain line;
//   - builds and vets the result before replacing the destination directory.
//
// Run it from the repository root:
//
//	go run ./third_party/go-dateparser-patch
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

const (
	modulePath    = "github.com/markusmobius/go-dateparser"
	moduleVersion = "v1.4.7"
	dataDir       = "internal/data"
	localeDataGo  = "00-locale-data.go"
	lazyFileName  = "06-lazy-load.go"
	getterName    = "GetLocaleData"
	renamedGetter = "getLocaleDataUnloaded"
	loaderPrefix  = "loadLocaleFile_"
	onceVarPrefix = "localeFile_"
	timezoneDir   = "internal/timezone"
	timezoneFile  = "tz-offsets.go"
)

// timezoneVars are the package variables of internal/timezone that upstream
// builds at start-up (compiling ~1,300 regular expressions, 11-27 ms and
// 6.4 MB) and patchTimezone builds on first use.
var timezoneVars = []string{"timezoneOffsets", "rxSearch", "rxSearchIgnoreCase", "rxTimezoneToken"}

// keptDocs are the non-Go files kept at the module root.
var keptDocs = []string{"LICENSE", "LICENSE_dateparser.txt", "README.md", "UPSTREAM.md"}

// skippedDirs are never copied (code generators, test data).
var skippedDirs = map[string]bool{"scripts": true, "testdata": true}

func main() {
	src := flag.String("src", "", "unpacked upstream module (default: "+modulePath+"@"+moduleVersion+" from the module cache, downloaded if missing)")
	dst := flag.String("dst", filepath.Join("third_party", "go-dateparser"), "destination directory (replaced)")
	flag.Parse()
	if err := run(*src, *dst); err != nil {
		fmt.Fprintln(os.Stderr, "go-dateparser-patch:", err)
		os.Exit(1)
	}
}

func run(src, dst string) error {
	if src == "" {
		var err error
		if src, err = moduleDir(); err != nil {
			return err
		}
	}
	dst, err := filepath.Abs(dst)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Dir(dst)); err != nil {
		return fmt.Errorf("parent of -dst: %w (run from the repository root or pass -dst)", err)
	}

	tmp, err := os.MkdirTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	fmt.Printf("source: %s\n", src)
	if err := copyModule(src, tmp); err != nil {
		return err
	}
	if err := patchData(filepath.Join(tmp, dataDir)); err != nil {
		return err
	}
	if err := patchTimezone(filepath.Join(tmp, timezoneDir)); err != nil {
		return err
	}
	if err := trimGoMod(tmp); err != nil {
		return err
	}
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./internal/data"}} {
		if err := goCmd(tmp, args...); err != nil {
			return err
		}
	}

	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	if err := os.Rename(tmp, dst); err != nil {
		return err
	}
	fmt.Printf("wrote %s\n", dst)
	return nil
}

// moduleDir returns the module cache directory of the pinned upstream
// version, downloading it if needed. It runs outside any module so that the
// caller's replace directive does not apply.
func moduleDir() (string, error) {
	dir, err := os.MkdirTemp("", "go-dateparser-patch-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	cmd := exec.Command("go", "mod", "download", "-json", modulePath+"@"+moduleVersion)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go mod download: %w", err)
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(out, &info); err != nil {
		return "", err
	}
	if info.Error != "" || info.Dir == "" {
		return "", fmt.Errorf("go mod download: %q", info.Error)
	}
	return info.Dir, nil
}

// copyModule copies the non-test Go files of the library packages, the files
// they embed, go.mod/go.sum and the kept docs from src to dst.
func copyModule(src, dst string) error {
	embedded := map[string]bool{} // slash paths relative to src
	var goFiles []string
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && (skippedDirs[d.Name()] || strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") || strings.HasSuffix(rel, "_test.go") {
			return nil
		}
		goFiles = append(goFiles, rel)
		patterns, err := embedPatterns(p)
		if err != nil {
			return err
		}
		for _, pat := range patterns {
			matches, err := filepath.Glob(filepath.Join(filepath.Dir(p), filepath.FromSlash(pat)))
			if err != nil || len(matches) == 0 {
				return fmt.Errorf("%s: go:embed %q matches nothing", rel, pat)
			}
			for _, m := range matches {
				if fi, err := os.Stat(m); err != nil || fi.IsDir() {
					return fmt.Errorf("%s: go:embed %q: directories are not supported here", rel, pat)
				}
				r, _ := filepath.Rel(src, m)
				embedded[filepath.ToSlash(r)] = true
			}
		}
		return nil
	})
	if err != nil {
		return err
	}

	files := append(goFiles, "go.mod", "go.sum")
	files = append(files, keptDocs...)
	for f := range embedded {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		if err := copyFile(filepath.Join(src, filepath.FromSlash(f)), filepath.Join(dst, filepath.FromSlash(f))); err != nil {
			return err
		}
	}
	fmt.Printf("copied %d files (%d Go, %d embedded)\n", len(files), len(goFiles), len(embedded))
	return nil
}

var rxEmbed = regexp.MustCompile(`(?m)^//go:embed\s+(.+)$`)

func embedPatterns(file string) ([]string, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var pats []string
	for _, m := range rxEmbed.FindAllSubmatch(b, -1) {
		for _, f := range strings.Fields(string(m[1])) {
			if uq, err := strconv.Unquote(f); err == nil {
				f = uq
			}
			pats = append(pats, f)
		}
	}
	return pats, nil
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

// localeFile describes one generated locale file of internal/data.
type localeFile struct {
	name   string   // file name, e.g. "az-cyrl.go"
	ident  string   // identifier suffix, e.g. "az_cyrl"
	vars   []string // xx_Locale variables assigned by its init, in order
	initAt int      // byte offset of "func init()"
}

var rxLocaleVar = regexp.MustCompile(`^[a-z][A-Za-z0-9_]*_Locale$`)

// patchData rewrites internal/data in dir. See the package comment.
func patchData(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	fset := token.NewFileSet()
	var (
		locales   []*localeFile
		varFile   = map[string]*localeFile{} // xx_Locale -> file declaring it
		getterSrc []byte
		getter    *ast.FuncDecl
	)
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") {
			continue
		}
		if name == lazyFileName {
			return fmt.Errorf("%s already exists upstream", name)
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, name, b, 0)
		if err != nil {
			return err
		}

		declared := map[string]bool{}
		var inits []*ast.FuncDecl
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.Name == "init" {
					inits = append(inits, d)
				}
				if d.Recv == nil && d.Name.Name == getterName {
					if name != localeDataGo {
						return fmt.Errorf("%s: unexpected %s", name, getterName)
					}
					getter, getterSrc = d, b
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if vs, ok := s.(*ast.ValueSpec); ok {
						for _, n := range vs.Names {
							if rxLocaleVar.MatchString(n.Name) {
								if d.Tok != token.VAR || vs.Values != nil {
									return fmt.Errorf("%s: %s is not a plain var", name, n.Name)
								}
								declared[n.Name] = true
							} else if strings.HasSuffix(n.Name, "_Locale") {
								return fmt.Errorf("%s: unexpected declaration %s", name, n.Name)
							}
						}
					}
				}
			}
		}

		if len(declared) == 0 {
			// Not a locale file: it must not run init code nor touch locale
			// variables (except GetLocaleData, checked below).
			if len(inits) > 0 {
				return fmt.Errorf("%s: has func init() but declares no locale variables", name)
			}
			var bad []string
			ast.Inspect(f, func(n ast.Node) bool {
				if fd, ok := n.(*ast.FuncDecl); ok && fd == getter {
					return false
				}
				if id, ok := n.(*ast.Ident); ok && strings.HasSuffix(id.Name, "_Locale") {
					bad = append(bad, id.Name)
				}
				return true
			})
			if len(bad) > 0 {
				return fmt.Errorf("%s: references locale variables outside %s: %v", name, getterName, bad)
			}
			continue
		}

		if len(inits) != 1 {
			return fmt.Errorf("%s: want exactly one func init(), found %d", name, len(inits))
		}
		lf := &localeFile{
			name:   name,
			ident:  strings.NewReplacer("-", "_", ".", "_").Replace(strings.TrimSuffix(name, ".go")),
			initAt: fset.Position(inits[0].Pos()).Offset,
		}
		if !token.IsIdentifier(loaderPrefix + lf.ident) {
			return fmt.Errorf("%s: cannot derive an identifier", name)
		}
		if err := checkInitBody(fset, name, inits[0], declared, lf); err != nil {
			return err
		}
		if len(lf.vars) != len(declared) {
			return fmt.Errorf("%s: declares %d locale variables, init assigns %d", name, len(declared), len(lf.vars))
		}
		// Locale variables must be used by nothing but the init function
		// (and GetLocaleData) in their own file.
		var bad []string
		for _, d := range f.Decls {
			if d == inits[0] {
				continue
			}
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
				continue
			}
			ast.Inspect(d, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && strings.HasSuffix(id.Name, "_Locale") {
					bad = append(bad, id.Name)
				}
				return true
			})
		}
		if len(bad) > 0 {
			return fmt.Errorf("%s: locale variables used outside init: %v", name, bad)
		}
		for v := range declared {
			if other, dup := varFile[v]; dup {
				return fmt.Errorf("%s declared in %s and %s", v, other.name, name)
			}
			varFile[v] = lf
		}
		locales = append(locales, lf)
	}
	if getter == nil {
		return fmt.Errorf("%s not found in %s", getterName, localeDataGo)
	}

	// Map every locale code handled by GetLocaleData to its file.
	cases, err := getterCases(getter, varFile)
	if err != nil {
		return err
	}
	fileCases := map[*localeFile][]string{}
	for _, c := range cases {
		fileCases[varFile[c.varName]] = append(fileCases[varFile[c.varName]], c.code)
	}
	reached := map[string]bool{}
	for _, c := range cases {
		reached[c.varName] = true
	}
	for v, lf := range varFile {
		if !reached[v] {
			return fmt.Errorf("%s (%s) is not returned by %s", v, lf.name, getterName)
		}
	}

	// Rewrite: locale files, the original getter, the new lazy-load file.
	for _, lf := range locales {
		p := filepath.Join(dir, lf.name)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		const old = "func init()"
		if !bytes.HasPrefix(b[lf.initAt:], []byte(old)) {
			return fmt.Errorf("%s: %q not at expected offset", lf.name, old)
		}
		b = slices.Concat(b[:lf.initAt], []byte("func "+loaderPrefix+lf.ident+"()"), b[lf.initAt+len(old):])
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}

	nameAt := fset.Position(getter.Name.Pos()).Offset
	getterSrc = slices.Concat(getterSrc[:nameAt], []byte(renamedGetter), getterSrc[nameAt+len(getterName):])
	if err := os.WriteFile(filepath.Join(dir, localeDataGo), getterSrc, 0o644); err != nil {
		return err
	}

	lazy, err := lazySource(locales, fileCases)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, lazyFileName), lazy, 0o644); err != nil {
		return err
	}
	fmt.Printf("patched %s: %d locale files, %d locale variables, %d locale codes\n", dataDir, len(locales), len(varFile), len(cases))
	return nil
}

// checkInitBody verifies that init only assigns this file's locale variables
// with merge(nil|&parent, LocaleData{...}), where parent is a variable of the
// same file assigned earlier, and that the composite literal references no
// locale variable. It records the assigned variables in lf.vars.
func checkInitBody(fset *token.FileSet, name string, fn *ast.FuncDecl, declared map[string]bool, lf *localeFile) error {
	done := map[string]bool{}
	for _, st := range fn.Body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return fmt.Errorf("%s:%d: unexpected statement in init", name, fset.Position(st.Pos()).Line)
		}
		lhs, ok := as.Lhs[0].(*ast.Ident)
		if !ok || !declared[lhs.Name] || done[lhs.Name] {
			return fmt.Errorf("%s: init assigns something other than a fresh locale variable of this file", name)
		}
		call, ok := as.Rhs[0].(*ast.CallExpr)
		if !ok || len(call.Args) != 2 {
			return fmt.Errorf("%s: %s is not assigned from merge(parent, child)", name, lhs.Name)
		}
		if fun, ok := call.Fun.(*ast.Ident); !ok || fun.Name != "merge" {
			return fmt.Errorf("%s: %s is not assigned from merge(parent, child)", name, lhs.Name)
		}
		switch parent := call.Args[0].(type) {
		case *ast.Ident:
			if parent.Name != "nil" {
				return fmt.Errorf("%s: %s: unexpected parent %s", name, lhs.Name, parent.Name)
			}
		case *ast.UnaryExpr:
			id, ok := parent.X.(*ast.Ident)
			if parent.Op != token.AND || !ok {
				return fmt.Errorf("%s: %s: unexpected parent expression", name, lhs.Name)
			}
			if !declared[id.Name] || !done[id.Name] {
				return fmt.Errorf("%s: %s merges parent %s, which is not built earlier in the same file", name, lhs.Name, id.Name)
			}
		default:
			return fmt.Errorf("%s: %s: unexpected parent expression", name, lhs.Name)
		}
		var refs []string
		ast.Inspect(call.Args[1], func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && strings.HasSuffix(id.Name, "_Locale") {
				refs = append(refs, id.Name)
			}
			return true
		})
		if len(refs) > 0 {
			return fmt.Errorf("%s: %s: data literal references %v", name, lhs.Name, refs)
		}
		done[lhs.Name] = true
		lf.vars = append(lf.vars, lhs.Name)
	}
	return nil
}

type getterCase struct{ code, varName string }

// getterCases reads the switch of GetLocaleData: every clause must be
// `case "code": return &xx_Locale, true` and the function must end with
// `return nil, false`.
func getterCases(fn *ast.FuncDecl, varFile map[string]*localeFile) ([]getterCase, error) {
	body := fn.Body.List
	if len(body) != 2 {
		return nil, fmt.Errorf("%s: unexpected shape", getterName)
	}
	sw, ok := body[0].(*ast.SwitchStmt)
	if !ok || sw.Init != nil {
		return nil, fmt.Errorf("%s: unexpected shape", getterName)
	}
	if tag, ok := sw.Tag.(*ast.Ident); !ok || len(fn.Type.Params.List) != 1 || fn.Type.Params.List[0].Names[0].Name != tag.Name {
		return nil, fmt.Errorf("%s: switch is not on the parameter", getterName)
	}
	if ret, ok := body[1].(*ast.ReturnStmt); !ok || len(ret.Results) != 2 {
		return nil, fmt.Errorf("%s: unexpected final statement", getterName)
	}
	var cases []getterCase
	seen := map[string]bool{}
	for _, s := range sw.Body.List {
		cc := s.(*ast.CaseClause)
		if len(cc.Body) != 1 || len(cc.List) == 0 {
			return nil, fmt.Errorf("%s: unexpected case clause", getterName)
		}
		ret, ok := cc.Body[0].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 2 {
			return nil, fmt.Errorf("%s: unexpected case body", getterName)
		}
		u, ok := ret.Results[0].(*ast.UnaryExpr)
		if !ok || u.Op != token.AND {
			return nil, fmt.Errorf("%s: case does not return &xx_Locale", getterName)
		}
		id, ok := u.X.(*ast.Ident)
		if !ok || varFile[id.Name] == nil {
			return nil, fmt.Errorf("%s: case returns something other than a locale variable", getterName)
		}
		for _, e := range cc.List {
			lit, ok := e.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return nil, fmt.Errorf("%s: non-literal case", getterName)
			}
			code, _ := strconv.Unquote(lit.Value)
			if seen[code] {
				return nil, fmt.Errorf("%s: duplicate case %q", getterName, code)
			}
			seen[code] = true
			cases = append(cases, getterCase{code, id.Name})
		}
	}
	return cases, nil
}

func lazySource(locales []*localeFile, fileCases map[*localeFile][]string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`// Code generated by go-dateparser-patch (tally, third_party/go-dateparser-patch); DO NOT EDIT.

// This file is not part of upstream go-dateparser. Upstream initialises every
// locale file's xx_Locale variables in a func init(); here each of those
// functions was renamed to ` + loaderPrefix + `<file>() and runs once, on the
// first GetLocaleData call for any locale of that file.

package data

import "sync"

// lazyLocaleFile initialises the locale variables of one locale file once.
type lazyLocaleFile struct {
	once sync.Once
	load func()
}

func (f *lazyLocaleFile) ensure() { f.once.Do(f.load) }

var (
`)
	for _, lf := range locales {
		fmt.Fprintf(&b, "\t%s%s = lazyLocaleFile{load: %s%s}\n", onceVarPrefix, lf.ident, loaderPrefix, lf.ident)
	}
	b.WriteString(`)

// ` + getterName + ` returns the data of locale and whether it exists. The
// locale file holding it is initialised on first use.
func ` + getterName + `(locale string) (*LocaleData, bool) {
	ld, ok := ` + renamedGetter + `(locale)
	if !ok {
		return nil, false
	}
	localeFileOf(locale).ensure()
	return ld, true
}

// localeFileOf returns the lazily initialised file holding locale, which
// must be a locale known to ` + renamedGetter + `.
func localeFileOf(locale string) *lazyLocaleFile {
	switch locale {
`)
	for _, lf := range locales {
		codes := fileCases[lf]
		if len(codes) == 0 {
			return nil, fmt.Errorf("%s: no locale code", lf.name)
		}
		quoted := make([]string, len(codes))
		for i, c := range codes {
			quoted[i] = strconv.Quote(c)
		}
		fmt.Fprintf(&b, "\tcase %s:\n\t\treturn &%s%s\n", strings.Join(quoted, ", "), onceVarPrefix, lf.ident)
	}
	b.WriteString(`	}
	panic("go-dateparser: no locale file for " + locale)
}
`)
	return format.Source(b.Bytes())
}

// trimGoMod drops the toolchain line and lets go mod tidy remove the
// requirements that only tests and scripts needed. With GOTOOLCHAIN=local
// tidy never upgrades the versions it keeps.
func trimGoMod(dir string) error {
	p := filepath.Join(dir, "go.mod")
	b, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	var out []string
	for _, l := range strings.SplitAfter(string(b), "\n") {
		if strings.HasPrefix(l, "toolchain ") {
			continue
		}
		out = append(out, l)
	}
	if err := os.WriteFile(p, []byte(strings.Join(out, "")), 0o644); err != nil {
		return err
	}
	if err := goCmd(dir, "mod", "tidy"); err != nil {
		return err
	}

	// Report the direct imports against the tidied requirements.
	imports, err := externalImports(dir)
	if err != nil {
		return err
	}
	b, err = os.ReadFile(p)
	if err != nil {
		return err
	}
	fmt.Printf("go.mod after tidy:\n%s", b)
	fmt.Printf("external imports of the copied packages: %s\n", strings.Join(imports, ", "))
	return nil
}

func externalImports(dir string) ([]string, error) {
	set := map[string]bool{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
			return err
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			ip, _ := strconv.Unquote(imp.Path.Value)
			first, _, _ := strings.Cut(ip, "/")
			if strings.Contains(first, ".") && ip != modulePath && !strings.HasPrefix(ip, modulePath+"/") {
				set[ip] = true
			}
		}
		return nil
	})
	var list []string
	for ip := range set {
		list = append(list, path.Clean(ip))
	}
	sort.Strings(list)
	return list, err
}

func goCmd(dir string, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOWORK=off")
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go %s in %s: %w", strings.Join(args, " "), dir, err)
	}
	return nil
}

// patchTimezone makes the timezone tables of internal/timezone lazy: the
// one initialiser "var a, b, c, d = func() (...) {...}()" of timezoneFile
// becomes buildTimezones, run once by loadTimezones, which every function
// reading the tables calls first. It fails if the tables are read anywhere
// else than in function bodies of the package.
func patchTimezone(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	isVar := map[string]bool{}
	for _, v := range timezoneVars {
		isVar[v] = true
	}
	fset := token.NewFileSet()
	found := false
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") {
			continue
		}
		file := filepath.Join(dir, name)
		src, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, file, src, parser.ParseComments)
		if err != nil {
			return err
		}
		type edit struct {
			at, end int
			text    string
		}
		var edits []edit
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					vs, ok := spec.(*ast.ValueSpec)
					if !ok {
						continue
					}
					names := make([]string, len(vs.Names))
					for i, n := range vs.Names {
						names[i] = n.Name
					}
					if slices.Equal(names, timezoneVars) && name == timezoneFile {
						call, ok := vs.Values[0].(*ast.CallExpr)
						lit, ok2 := call.Fun.(*ast.FuncLit)
						if len(vs.Values) != 1 || !ok || !ok2 || len(call.Args) != 0 || d.Lparen.IsValid() {
							return fmt.Errorf("%s: the timezone tables are not set by one func literal", name)
						}
						found = true
						results := string(src[fset.Position(lit.Type.Results.Pos()).Offset:fset.Position(lit.Type.Results.End()).Offset])
						body := string(src[fset.Position(lit.Body.Pos()).Offset:fset.Position(lit.Body.End()).Offset])
						edits = append(edits, edit{fset.Position(d.Pos()).Offset, fset.Position(d.End()).Offset,
							timezoneLazySource(results, body)})
						continue
					}
					for _, v := range vs.Values {
						if refersTo(v, isVar) {
							return fmt.Errorf("%s: a package variable's initialiser reads the timezone tables", name)
						}
					}
				}
			case *ast.FuncDecl:
				if d.Body != nil && refersTo(d.Body, isVar) {
					at := fset.Position(d.Body.Lbrace).Offset + 1
					edits = append(edits, edit{at, at, "\n\tloadTimezones()\n"})
				}
			}
		}
		if len(edits) == 0 {
			continue
		}
		sort.Slice(edits, func(i, j int) bool { return edits[i].at > edits[j].at })
		out := src
		for _, e := range edits {
			out = append(out[:e.at:e.at], append([]byte(e.text), out[e.end:]...)...)
		}
		if !bytes.Contains(out, []byte(`"sync"`)) && bytes.Contains(out, []byte("sync.Once")) {
			out = bytes.Replace(out, []byte("import (\n"), []byte("import (\n\t\"sync\"\n"), 1)
		}
		formatted, err := format.Source(out)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := os.WriteFile(file, formatted, 0o644); err != nil {
			return err
		}
	}
	if !found {
		return fmt.Errorf("%s: the timezone tables' initialiser not found", timezoneFile)
	}
	return nil
}

// refersTo says whether n mentions one of the names.
func refersTo(n ast.Node, names map[string]bool) bool {
	hit := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && names[id.Name] {
			hit = true
		}
		return !hit
	})
	return hit
}

// timezoneLazySource replaces the initialiser of the timezone tables.
func timezoneLazySource(results, body string) string {
	return `// Patched by third_party/go-dateparser-patch: upstream builds these tables
// at start-up; loadTimezones builds them on first use.
var (
	timezoneOffsets                               []OffsetData
	rxSearch, rxSearchIgnoreCase, rxTimezoneToken *regexp.Regexp
	timezonesOnce                                 sync.Once
)

// loadTimezones builds the timezone tables once.
func loadTimezones() {
	timezonesOnce.Do(func() {
		timezoneOffsets, rxSearch, rxSearchIgnoreCase, rxTimezoneToken = buildTimezones()
	})
}

func buildTimezones() ` + results + " " + body
}
