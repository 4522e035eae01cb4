package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// TestCLIDocs regenerates docs/cli.md from the command definitions and
// fails when the committed one differs: CI keeps the reference current.
// go test ./cmd/coach -run TestCLIDocs -update rewrites it.
func TestCLIDocs(t *testing.T) {
	got := cliReference(newApp(io.Discard, io.Discard))
	path := filepath.Join("..", "..", filepath.FromSlash(docsFile))
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s is stale; run go test ./cmd/coach -run TestCLIDocs -update (-committed +generated):\n%s", docsFile, diff)
	}
	for _, f := range lintMarkdown(docsFile, []byte(got), mdSettings{}) { // the rules that fit any document
		t.Error(f)
	}
}

// TestManPage renders the man page from the same definitions.
func TestManPage(t *testing.T) {
	out, stderr, code := coach(t, "man")
	if code != 0 {
		t.Fatalf("coach man exited %d: %s", code, stderr)
	}
	for _, want := range []string{".TH coach 1", "completion", "history"} {
		if !strings.Contains(out, want) {
			t.Errorf("the man page has no %q", want)
		}
	}
}

// TestExitCodes is the table of exit codes in the README, tested: each
// row's error maps to its status, and the README's table says the same.
func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"ok", nil, 0},
		{"findings", errFindings, 1},
		{"invalid file", &skills.ProblemsError{Problems: skills.Problems{{Path: "skills/a.toml", Line: 1, Col: 1, Severity: skills.Error, Message: "bad"}}}, 1},
		{"unknown person", fmt.Errorf("plan: %w", skills.ErrUnknownPerson), 1},
		{"usage", usagef("bad flag"), 2},
		{"unexpected", errors.New("disk on fire"), 2},
		{"interrupted", fmt.Errorf("write plans: %w", context.Canceled), 130},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := exitCode(tt.err, io.Discard); got != tt.want {
				t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []int{0, 1, 2, 130} {
		row := regexp.MustCompile(fmt.Sprintf(`(?m)^\| %d \| `, code))
		if !row.Match(readme) {
			t.Errorf("README.md has no row for exit status %d in its table", code)
		}
	}
	// The commands say the same.
	for _, args := range [][]string{{"check", "--nope"}, {"plan"}, {"nosuch"}} {
		if _, _, code := coach(t, args...); code != 2 {
			t.Errorf("coach %s exited %d, want 2", strings.Join(args, " "), code)
		}
	}
	var out bytes.Buffer
	if code := run([]string{"coach", "--version"}, &out, io.Discard); code != 0 {
		t.Errorf("coach --version exited %d", code)
	}
}
