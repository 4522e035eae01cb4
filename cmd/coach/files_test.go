package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// What replaceFile says when it leaves a file alone: the file, why, and
// what to do; leftAlone tells --all to go on with the others.
func TestReplaceFileLeavesAlone(t *testing.T) {
	tests := []struct {
		name string
		now  string
		mode os.FileMode
		want string
	}{
		{name: "edited while coach wrote", now: "<!-- marker -->\nold\nmy edit\n", mode: 0o644,
			want: "plans/alice.md changed while coach was writing it, so it was not replaced; check it, then run `coach plan alice` again"},
		{name: "read-only", now: "<!-- marker -->\nold\n", mode: 0o444,
			want: "plans/alice.md is read-only, so it was not replaced; make it writable (chmod u+w plans/alice.md) and run `coach plan alice` again, or leave it as it is"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "alice.md")
			if err := os.WriteFile(file, []byte(tt.now), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(file, tt.mode); err != nil {
				t.Fatal(err)
			}
			err := replaceFile(t.Context(), file, "plans/alice.md", []byte("<!-- marker -->\nold\n"), []byte("<!-- marker -->\nnew\n"), "coach plan alice")
			if err == nil {
				t.Fatal("replaceFile replaced the file")
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
			if !leftAlone(err) {
				t.Errorf("leftAlone(%v) = false; --all would stop at it", err)
			}
			got, _ := os.ReadFile(file)
			if string(got) != tt.now {
				t.Errorf("the file changed: %q", got)
			}
		})
	}
}

// An interrupted `init --example` left a half-built directory that blocked
// the rerun ("is not empty"). The example is built beside it and renamed
// once complete: an interrupted run leaves nothing at DIR, and what kill -9
// leaves beside it does not block the next run.
func TestInterruptedInitExampleBlocksRerun(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "team")
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	var stderr bytes.Buffer
	if code := runContext(ctx, []string{"coach", "init", "--example", dir}, io.Discard, &stderr); code != 130 {
		t.Fatalf("init --example, interrupted: exit %d, want 130\n%s", code, stderr.String())
	}
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 0 {
		t.Fatalf("an interrupted init --example left %v", entries)
	}
	// What a killed run leaves: its directory beside DIR, and DIR empty.
	if err := os.MkdirAll(filepath.Join(parent, ".team.coach-init-123", "skills"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	if code := runContext(t.Context(), []string{"coach", "init", "--example", dir}, io.Discard, &stderr); code != 0 {
		t.Fatalf("init --example after an interrupted one: exit %d\n%s", code, stderr.String())
	}
	if code := runContext(t.Context(), []string{"coach", "-C", dir, "plan", "--all", "--check"}, io.Discard, &stderr); code != 0 {
		t.Fatalf("plan --all --check in the example: exit %d\n%s", code, stderr.String())
	}
}

// A read-only plans/ stopped `plan --all` at the first plan, with a
// temporary file's path in the message. Each plan is now named and left
// alone, and the others are still tried.
func TestReadOnlyPlansStopsAtFirstFile(t *testing.T) {
	err := notWritable("plans/alice.md", "coach plan alice",
		fmt.Errorf("write plans/alice.md: %w", &fs.PathError{Op: "write", Path: "/team/plans/alice.md", Err: fs.ErrPermission}))
	want := "plans/alice.md cannot be written (permission denied in plans/), so it was not replaced; make plans/ writable (chmod u+w plans) and run `coach plan alice` again"
	if err == nil || err.Error() != want || !leftAlone(err) {
		t.Errorf("got %v (left alone: %v), want %s", err, leftAlone(err), want)
	}
	if os.Geteuid() == 0 {
		return // no mode stops root: the rest needs another user
	}
	dir := filepath.Join(t.TempDir(), "team")
	if code := runContext(t.Context(), []string{"coach", "init", "--example", dir}, io.Discard, io.Discard); code != 0 {
		t.Fatal("init --example failed")
	}
	for _, id := range []string{"alice", "ben"} {
		if err := os.Remove(filepath.Join(dir, "plans", id+".md")); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(filepath.Join(dir, "plans"), 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "plans"), 0o755) })
	var stderr bytes.Buffer
	if code := runContext(t.Context(), []string{"coach", "-C", dir, "plan", "--all"}, io.Discard, &stderr); code != 1 {
		t.Fatalf("plan --all in a read-only plans/: exit %d, want 1\n%s", code, stderr.String())
	}
	for _, id := range []string{"alice", "ben"} {
		if !strings.Contains(stderr.String(), "coach: plans/"+id+".md cannot be written (permission denied in plans/)") {
			t.Errorf("plans/%s.md not named:\n%s", id, stderr.String())
		}
	}
	if strings.Contains(stderr.String(), ".tmp") {
		t.Errorf("a temporary path in the message:\n%s", stderr.String())
	}
}
