package gitobj

import (
	"fmt"
	"os"
	"os/exec"
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
	g.clock++
	date := fmt.Sprintf("2026-06-01T10:%02d:%02dZ", g.clock/60%60, g.clock%60)
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "HOME="+g.home, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null",
		"GIT_AUTHOR_NAME=Maya Okafor", "GIT_AUTHOR_EMAIL=maya@example.com",
		"GIT_COMMITTER_NAME=Maya Okafor", "GIT_COMMITTER_EMAIL=maya@example.com",
		"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "TZ=UTC", "GIT_ADVICE=0",
		"GIT_CONFIG_COUNT=2", "GIT_CONFIG_KEY_0=gc.auto", "GIT_CONFIG_VALUE_0=0",
		"GIT_CONFIG_KEY_1=maintenance.auto", "GIT_CONFIG_VALUE_1=false")
	out, err := cmd.CombinedOutput()
	if err != nil {
		g.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}
