package skills

import (
	"bytes"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// MapFS is a repository's files held in memory by slash path, as the git
// index or a revision's tree holds them, read as an fs.FS: its directories
// are those its paths imply, and it has no symbolic links.
type MapFS map[string][]byte

// Open opens a file, or a directory that holds one.
func (m MapFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if data, ok := m[name]; ok {
		return &mapFile{mapEntry{path.Base(name), int64(len(data)), false}, bytes.NewReader(data)}, nil
	}
	prefix := name + "/"
	if name == "." {
		prefix = ""
	}
	seen := map[string]bool{}
	var entries []fs.DirEntry
	for p, data := range m {
		rest, ok := strings.CutPrefix(p, prefix)
		if !ok {
			continue
		}
		child, _, isDir := strings.Cut(rest, "/")
		if !seen[child] {
			seen[child] = true
			size := int64(len(data))
			if isDir {
				size = 0
			}
			entries = append(entries, mapEntry{child, size, isDir})
		}
	}
	if entries == nil && name != "." {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return &mapDir{mapEntry{path.Base(name), 0, true}, entries}, nil
}

// mapEntry is a file or directory of a MapFS, as its fs.FileInfo and
// fs.DirEntry.
type mapEntry struct {
	name  string
	size  int64
	isDir bool
}

func (e mapEntry) Name() string { return e.name }
func (e mapEntry) Size() int64  { return e.size }
func (e mapEntry) Mode() fs.FileMode {
	if e.isDir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (e mapEntry) ModTime() time.Time         { return time.Time{} }
func (e mapEntry) IsDir() bool                { return e.isDir }
func (e mapEntry) Sys() any                   { return nil }
func (e mapEntry) Type() fs.FileMode          { return e.Mode().Type() }
func (e mapEntry) Info() (fs.FileInfo, error) { return e, nil }

type mapFile struct {
	info mapEntry
	r    *bytes.Reader
}

func (f *mapFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *mapFile) Read(b []byte) (int, error) { return f.r.Read(b) }
func (f *mapFile) Close() error               { return nil }

type mapDir struct {
	info    mapEntry
	entries []fs.DirEntry
}

func (d *mapDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *mapDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: fs.ErrInvalid}
}
func (d *mapDir) Close() error { return nil }

// ReadDir reads the directory's entries, n at a time as fs.ReadDirFile
// says.
func (d *mapDir) ReadDir(n int) ([]fs.DirEntry, error) {
	if n <= 0 {
		out := d.entries
		d.entries = nil
		return out, nil
	}
	if len(d.entries) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(d.entries))
	out := d.entries[:n]
	d.entries = d.entries[n:]
	return out, nil
}
