package source

import (
	"bufio"
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// kind is the format of an input, from its extension or, for standard input, its first byte.
type kind int

const (
	unknown kind = iota
	text
	page
	lines
)

func kindOf(path string) (k kind, gz bool) {
	name := strings.ToLower(filepath.Base(path))
	if strings.HasSuffix(name, ".gz") {
		gz, name = true, strings.TrimSuffix(name, ".gz")
	}
	switch filepath.Ext(name) {
	case ".txt", ".md":
		return text, gz
	case ".html", ".htm":
		return page, gz
	case ".jsonl", ".ndjson":
		return lines, gz
	}
	return unknown, gz
}

// Walk yields the items of every path in order: files as given, folders
// walked recursively in lexical order (files of unknown type and hidden
// files skipped), "-" for standard input. It stops early if yield returns
// false. Problems with a path become failed items, never a stop.
func Walk(paths []string, yield func(Item) bool) {
	for _, p := range paths {
		if p == "-" {
			if !walkStdin(os.Stdin, yield) {
				return
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			if !yield(failed(p, 0, invalid("cannot read: %s", reason(err)))) {
				return
			}
			continue
		}
		if !info.IsDir() {
			if !walkFile(p, true, yield) {
				return
			}
			continue
		}
		var files []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				files = append(files, path) // reported when opened
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") && path != p {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() {
				if k, _ := kindOf(path); k != unknown {
					files = append(files, path)
				}
			}
			return nil
		})
		if err != nil && !yield(failed(p, 0, invalid("cannot walk: %s", reason(err)))) {
			return
		}
		sort.Strings(files)
		for _, f := range files {
			if !walkFile(f, false, yield) {
				return
			}
		}
	}
}

// reason shortens an os error to its cause, the path being said elsewhere.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// walkFile yields the items of one file. A file named explicitly with an
// unknown extension is read as text.
func walkFile(path string, explicit bool, yield func(Item) bool) bool {
	k, gz := kindOf(path)
	if k == unknown && explicit {
		k = text
	}
	if k == lines {
		f, err := open(path, gz)
		if err != nil {
			return yield(failed(path, 0, err))
		}
		defer f.Close()
		return walkLines(path, f, yield)
	}
	return yield(Item{Origin: path, load: func() (a articleT, err error) {
		b, err := readAll(path, gz)
		if err != nil {
			return a, err
		}
		return parseWhole(path, k, b)
	}})
}

// walkStdin sniffs standard input: JSON Lines if it starts with "{", a page
// if it starts with "<", text otherwise.
func walkStdin(r io.Reader, yield func(Item) bool) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	k := text
	skipped := 0 // newlines before the first content, so JSON line numbers stay true
	for {
		b, err := br.Peek(1)
		if err != nil {
			break
		}
		if b[0] == ' ' || b[0] == '\n' || b[0] == '\r' || b[0] == '\t' {
			if b[0] == '\n' {
				skipped++
			}
			br.ReadByte()
			continue
		}
		if b[0] == '{' {
			k = lines
		} else if b[0] == '<' {
			k = page
		}
		break
	}
	if k == lines {
		return walkLinesFrom("-", br, skipped+1, yield)
	}
	b, err := readLimited(br)
	if err != nil {
		return yield(failed("-", 0, err))
	}
	return yield(Item{Origin: "-", load: func() (articleT, error) { return parseWhole("-", k, b) }})
}

type gzFile struct {
	*gzip.Reader
	f *os.File
}

func (g gzFile) Close() error { g.Reader.Close(); return g.f.Close() }

func open(path string, gz bool) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, invalid("cannot read: %s", reason(err))
	}
	if !gz {
		return f, nil
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, invalid("not a gzip file: %v", err)
	}
	return gzFile{zr, f}, nil
}

func readAll(path string, gz bool) ([]byte, error) {
	if !gz {
		if info, err := os.Stat(path); err == nil && info.Size() > MaxArticle {
			return nil, tooLarge(info.Size())
		}
	}
	f, err := open(path, gz)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readLimited(f)
}

func readLimited(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxArticle+1))
	if err != nil {
		return nil, invalid("cannot read: %s", reason(err))
	}
	if len(b) > MaxArticle {
		return nil, tooLarge(-1)
	}
	return b, nil
}

func tooLarge(size int64) error {
	if size < 0 {
		return invalid("too large: more than %d MB", MaxArticle>>20)
	}
	return invalid("too large: %.1f MB, the limit is %d MB", float64(size)/(1<<20), MaxArticle>>20)
}

// walkLines yields one item per non-blank line. Lines longer than
// MaxArticle are failed items; the rest of the file goes on.
func walkLines(origin string, r io.Reader, yield func(Item) bool) bool {
	return walkLinesFrom(origin, r, 1, yield)
}

// walkLinesFrom is walkLines with the number of the first line given. A
// file without any article line is an error: empty input.
func walkLinesFrom(origin string, r io.Reader, first int, yield func(Item) bool) bool {
	br := bufio.NewReaderSize(r, 256<<10)
	any := false
	for n := first; ; n++ {
		line, long, err := readLine(br)
		if len(line) > 0 || long {
			var it Item
			switch {
			case long:
				it = failed(origin, n, invalid("line too long: more than %d MB", MaxArticle>>20))
			case isBlank(line):
				it.load = nil
			default:
				l, no := line, n
				it = Item{Origin: origin, Line: n, size: len(l), load: func() (articleT, error) { return parseLine(origin, no, l) }}
			}
			if it.load != nil {
				any = true
				if !yield(it) {
					return false
				}
			}
		}
		if err != nil {
			if err != io.EOF {
				return yield(failed(origin, n, invalid("cannot read: %s", reason(err))))
			}
			if !any {
				return yield(failed(origin, 0, invalid("empty: no JSON lines")))
			}
			return true
		}
	}
}

// readLine reads one line without its newline. A line beyond MaxArticle is
// consumed and reported as long without being kept in memory.
func readLine(br *bufio.Reader) (line []byte, long bool, err error) {
	for {
		chunk, e := br.ReadSlice('\n')
		if !long {
			size := len(line) + len(chunk)
			if n := len(chunk); n > 0 && chunk[n-1] == '\n' {
				size-- // the newline is not part of the article
			}
			if size > MaxArticle {
				long, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if e == bufio.ErrBufferFull {
			continue
		}
		if n := len(line); n > 0 && line[n-1] == '\n' {
			line = line[:n-1]
		}
		return line, long, e
	}
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}
