package npmpack

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"testing"
)

// tarball makes a gzipped tarball of files under "package/", as npm packs them.
func tarball(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	tw := tar.NewWriter(zw)
	for name, body := range files {
		if err := tw.WriteHeader(&tar.Header{Name: "package/" + name, Mode: 0o644, Size: int64(len(body))}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(body))
	}
	tw.Close()
	zw.Close()
	return b.Bytes()
}

func TestCheckAndFiles(t *testing.T) {
	tgz := tarball(t, map[string]string{"a.json": "[1]", "dir/b.txt": "bee", "c": "sea"})
	sum := sha512.Sum512(tgz)
	good := "sha512-" + base64.StdEncoding.EncodeToString(sum[:])
	if err := Check(tgz, good); err != nil {
		t.Errorf("Check with the right integrity: %v", err)
	}
	if err := Check(tgz, "sha512-AAAA"); err == nil {
		t.Errorf("Check accepted a wrong integrity")
	}
	tests := []struct {
		want    []string
		ok      bool
		content string
	}{
		{[]string{"a.json"}, true, "[1]"},
		{[]string{"dir/b.txt", "c"}, true, "bee"},
		{[]string{"missing.json"}, false, ""},
	}
	for _, tc := range tests {
		got, err := Files(tgz, tc.want...)
		if (err == nil) != tc.ok {
			t.Errorf("Files(%v): error %v, want ok=%v", tc.want, err, tc.ok)
			continue
		}
		if tc.ok && string(got[tc.want[0]]) != tc.content {
			t.Errorf("Files(%v)[%s] = %q, want %q", tc.want, tc.want[0], got[tc.want[0]], tc.content)
		}
	}
}
