// Package gittest runs the git binary for tests, in a clean environment:
// a fixed identity and clock, no user or system config. The tests of
// history and internal/gitobj build their repositories with it, and read
// them back with coach's own code.
package gittest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Env runs git with a fixed identity and no user or system config; every
// command it runs is a second after the one before, so every commit has
// its own date.
type Env struct {
	t     testing.TB
	home  string
	clock int
}

// New is an Env for t; it skips t when there is no git binary.
func New(t testing.TB) *Env {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs the git binary")
	}
	return &Env{t: t, home: t.TempDir()}
}

// Run runs git in dir and returns its output, trimmed; a failure fails
// the test.
func (g *Env) Run(dir string, args ...string) string {
	g.t.Helper()
	out, err := g.Try(dir, args...)
	if err != nil {
		g.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// Stdin is Run with input on git's standard input.
func (g *Env) Stdin(dir, input string, args ...string) string {
	g.t.Helper()
	cmd := g.Cmd(dir, args...)
	cmd.Stdin = strings.NewReader(input)
	out, err := cmd.CombinedOutput()
	if err != nil {
		g.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// Try is Run returning git's failure instead of failing the test.
func (g *Env) Try(dir string, args ...string) (string, error) {
	out, err := g.Cmd(dir, args...).CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

// Cmd is the git command Run runs, to be run by the caller.
func (g *Env) Cmd(dir string, args ...string) *exec.Cmd {
	g.clock++
	date := fmt.Sprintf("2026-06-01T10:%02d:%02dZ", g.clock/60%60, g.clock%60)
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "HOME="+g.home, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null",
		"GIT_AUTHOR_NAME=Maya Okafor", "GIT_AUTHOR_EMAIL=maya@example.com",
		"GIT_COMMITTER_NAME=Maya Okafor", "GIT_COMMITTER_EMAIL=maya@example.com",
		"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "TZ=UTC", "GIT_ADVICE=0",
		// No gc or maintenance in the background, writing while the test
		// removes its directories.
		"GIT_CONFIG_COUNT=2", "GIT_CONFIG_KEY_0=gc.auto", "GIT_CONFIG_VALUE_0=0",
		"GIT_CONFIG_KEY_1=maintenance.auto", "GIT_CONFIG_VALUE_1=false")
	return cmd
}

// Commit writes files (path, content pairs) under dir, commits everything
// and returns the commit's hash.
func (g *Env) Commit(dir, msg string, files ...string) string {
	g.t.Helper()
	for i := 0; i+1 < len(files); i += 2 {
		p := filepath.Join(dir, filepath.FromSlash(files[i]))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			g.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(files[i+1]), 0o644); err != nil {
			g.t.Fatal(err)
		}
	}
	g.Run(dir, "add", "-A")
	g.Run(dir, "commit", "-q", "--allow-empty", "-m", msg)
	return g.Run(dir, "rev-parse", "HEAD")
}

// Git runs git in dir as the environment has it (the user's config and
// identity), for what needs no fixed identity, and returns its output.
func Git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}
