package history

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitEnv runs the git binary with a fixed identity and no user or system
// config; every commit is a minute after the one before.
type gitEnv struct {
	t     *testing.T
	home  string
	clock int
}

func newGitEnv(t *testing.T) *gitEnv {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs the git binary")
	}
	return &gitEnv{t: t, home: t.TempDir()}
}

// run runs git in dir and returns its output, trimmed.
func (g *gitEnv) run(dir string, args ...string) string {
	g.t.Helper()
	out, err := g.try(dir, args...)
	if err != nil {
		g.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// stdin runs git in dir with input on its standard input.
func (g *gitEnv) stdin(dir, input string, args ...string) string {
	g.t.Helper()
	cmd := g.cmd(dir, args...)
	cmd.Stdin = strings.NewReader(input)
	out, err := cmd.CombinedOutput()
	if err != nil {
		g.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func (g *gitEnv) try(dir string, args ...string) (string, error) {
	out, err := g.cmd(dir, args...).CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

func (g *gitEnv) cmd(dir string, args ...string) *exec.Cmd {
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

// commit writes files (path, content pairs) and commits them.
func (g *gitEnv) commit(dir, msg string, files ...string) string {
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
	g.run(dir, "add", "-A")
	g.run(dir, "commit", "-q", "--allow-empty", "-m", msg)
	return g.run(dir, "rev-parse", "HEAD")
}

func runGit(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}
