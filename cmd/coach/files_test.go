package main

import (
	"bytes"
	"context"
	"fmt"
	"github.com/coach-dev/coach/internal/files"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
	err := files.NotWritable("plans/alice.md", "coach plan alice",
		fmt.Errorf("write plans/alice.md: %w", &fs.PathError{Op: "write", Path: "/team/plans/alice.md", Err: fs.ErrPermission}))
	want := "plans/alice.md cannot be written (permission denied in plans/), so it was not replaced; make plans/ writable (chmod u+w plans) and run `coach plan alice` again"
	if err == nil || err.Error() != want || !files.LeftAlone(err) {
		t.Errorf("got %v (left alone: %v), want %s", err, files.LeftAlone(err), want)
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
