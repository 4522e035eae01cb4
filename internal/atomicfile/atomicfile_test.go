package atomicfile

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestCreate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "agendas", "alice", "2026-W48.md")
	if err := Create(t.Context(), path, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	// A file that exists, whoever wrote it, is never replaced.
	if err := os.WriteFile(path, []byte("new\n- [ ] a note\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Create(t.Context(), path, []byte("new\n"))
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("Create over an existing file: got %v, want fs.ErrExist", err)
	}
	want(t, path, "new\n- [ ] a note\n")
	noTemp(t, filepath.Dir(path))
}

func TestReplace(t *testing.T) {
	tests := []struct {
		name    string
		now     string // the file's content when Replace runs
		mode    fs.FileMode
		wantErr error
		want    string
	}{
		{name: "unchanged since read", now: "old\n", mode: 0o664, want: "new\n"},
		{name: "already new", now: "new\n", mode: 0o644, want: "new\n"},
		{name: "edited meanwhile", now: "old\nmy note\n", mode: 0o644, wantErr: ErrChanged, want: "old\nmy note\n"},
		{name: "read-only", now: "old\n", mode: 0o444, wantErr: ErrReadOnly, want: "old\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "alice.md")
			if err := os.WriteFile(path, []byte(tt.now), tt.mode); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, tt.mode); err != nil {
				t.Fatal(err)
			}
			err := Replace(t.Context(), path, []byte("old\n"), []byte("new\n"))
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Replace: got error %v, want %v", err, tt.wantErr)
			}
			want(t, path, tt.want)
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != tt.mode {
				t.Errorf("mode %v, want %v (kept)", fi.Mode().Perm(), tt.mode)
			}
			noTemp(t, dir)
		})
	}
}

func TestReplaceRemoved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "alice.md")
	if err := Replace(t.Context(), path, []byte("old\n"), []byte("new\n")); !errors.Is(err, ErrChanged) {
		t.Fatalf("Replace of a removed file: got %v, want ErrChanged", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a removed file was made again: %v", err)
	}
}

// An interrupted write leaves the target as it was and no temporary file.
func TestInterrupted(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "alice.md")
	if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := Replace(ctx, path, []byte("old\n"), []byte("new\n")); !errors.Is(err, context.Canceled) {
		t.Fatalf("Replace: got %v, want context.Canceled", err)
	}
	if err := Create(ctx, filepath.Join(dir, "bob.md"), []byte("new\n")); !errors.Is(err, context.Canceled) {
		t.Fatalf("Create: got %v, want context.Canceled", err)
	}
	want(t, path, "old\n")
	if _, err := os.Stat(filepath.Join(dir, "bob.md")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("an interrupted Create made the file: %v", err)
	}
	noTemp(t, dir)
}

func TestLock(t *testing.T) {
	dir := t.TempDir()
	unlock, err := Lock(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	// flock locks belong to open files: a second open, as another process
	// would make, is refused until the first is released.
	if _, err := TryLock(dir); !errors.Is(err, ErrLocked) {
		t.Fatalf("TryLock of a held lock: got %v, want ErrLocked", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := Lock(ctx, dir); !errors.Is(err, context.Canceled) {
		t.Fatalf("Lock of a held lock, cancelled: got %v, want context.Canceled", err)
	}
	unlock()
	unlock, err = TryLock(filepath.Join(dir, "lock"))
	if err != nil {
		t.Fatalf("TryLock of a free lock file: %v", err)
	}
	unlock()
}

func want(t *testing.T, path, content string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(content, string(got)); diff != "" {
		t.Errorf("%s (-want +got):\n%s", path, diff)
	}
}

func noTemp(t *testing.T, dir string) {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(dir, ".*.tmp*"))
	if len(matches) > 0 {
		t.Errorf("temporary files left: %v", matches)
	}
}

// .ID.md.tmp* files left by kill -9 were never removed, and `git add plans`
// committed them. The first write in a directory removes those older than
// StaleAge, and only files named as this package names them.
func TestTempFilesLeftByKill(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * StaleAge)
	for _, name := range []string{".alice.md.tmp123456", ".ben.md.tmp9", ".fresh.md.tmp42", ".notes.tmp", "alice.md.tmp1", ".x.tmpfile"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if name != ".fresh.md.tmp42" {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := Create(t.Context(), filepath.Join(dir, "carol.md"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if diff := cmp.Diff([]string{".fresh.md.tmp42", ".notes.tmp", ".x.tmpfile", "alice.md.tmp1", "carol.md"}, got); diff != "" {
		t.Errorf("the directory after a write (-want +got):\n%s", diff)
	}
}

// A read-only plans/ stopped coach at the first plan, with the temporary
// file's path in the message. The error names the file asked for, and is
// a permission error that the caller can tell apart.
func TestReadOnlyDirNamesTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plans", "alice.md")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	createTemp = func(dir, pattern string) (*os.File, error) {
		return nil, &fs.PathError{Op: "open", Path: filepath.Join(dir, ".alice.md.tmp123"), Err: fs.ErrPermission}
	}
	t.Cleanup(func() { createTemp = os.CreateTemp })
	for name, err := range map[string]error{
		"Create":  Create(t.Context(), filepath.Join(dir, "plans", "ben.md"), []byte("new\n")),
		"Replace": Replace(t.Context(), path, []byte("old\n"), []byte("new\n")),
	} {
		var pe *fs.PathError
		if !errors.Is(err, fs.ErrPermission) || !errors.As(err, &pe) || strings.Contains(err.Error(), ".tmp") ||
			(filepath.Base(pe.Path) != "alice.md" && filepath.Base(pe.Path) != "ben.md") {
			t.Errorf("%s in a read-only directory: %v, want a permission error naming the file", name, err)
		}
	}
	want(t, path, "old\n")
}
