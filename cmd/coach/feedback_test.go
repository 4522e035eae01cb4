package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coach-dev/coach/internal/workspace"
)

// The plain text of the example's two pieces of feedback about Alice, and of
// one more written here with `coach feedback`.
var feedbackTexts = []string{
	"three options, each priced in engineering weeks",
	"Bring Finance in before the pricing draft is final",
	"artifact reviews with Sam Patel are specific and kind",
	"Let Sam Patel present his own work",
	"the launch scope agreement with Sales",
	"Quietly rewrote the onboarding checklist",
	"Say no to the third roadmap review",
}

// No output of any command, on stdout, on stderr or in the files it writes,
// holds what a piece of feedback says: only `coach feedback --read` does,
// which is checked too, so that the test can fail.
func TestFeedbackNeverInOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example repository")
	}
	dir := filepath.Join(t.TempDir(), "team")
	if code := run([]string{"coach", "init", "--example", "-q", dir}, &bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
		t.Fatalf("init --example: exit %d", code)
	}
	// Maya, who committed the example's recipient, writes one more.
	t.Setenv("GIT_COMMITTER_EMAIL", "maya.okafor@example.com")
	privateTemp(t)
	editor(t, `sed -i -e 's/^\[does well\]$/[does well]\nQuietly rewrote the onboarding checklist/' -e 's/^\[to change\]$/[to change]\nSay no to the third roadmap review/' -e 's/^\[skills\]$/[skills]\nteam-health/' "$1"`)
	var out, errOut bytes.Buffer
	if code := run([]string{"coach", "-C", dir, "feedback", "alice", "--as", "maya"}, &out, &errOut); code != 0 {
		t.Fatalf("feedback alice: exit %d\n%s", code, errOut.String())
	}
	files, err := workspace.FeedbackFiles(dir)
	if err != nil || len(files["alice"]) != 3 {
		t.Fatalf("feedback about alice: %v, %v; want 3 files", files["alice"], err)
	}
	// A request, so that agendas say something of feedback too.
	if code := run([]string{"coach", "-C", dir, "feedback", "--request", "alice", "--from", "ben,chloe"}, &out, &errOut); code != 0 {
		t.Fatalf("feedback --request: exit %d\n%s", code, errOut.String())
	}

	var all bytes.Buffer
	for _, args := range [][]string{
		{"plan", "--all"}, {"plan", "--all", "--stdout"}, {"plan", "alice", "--format", "json"},
		{"agenda", "--all", "--force"}, {"agenda", "--all", "--stdout"}, {"agenda", "ben", "--format", "json"},
		{"team"}, {"team", "--stdout"}, {"team", "--format", "json"},
		{"diff", "--base", "HEAD~3"}, {"diff", "--base", "HEAD~3", "--format", "json"},
		{"history", "--all"}, {"history", "alice", "--format", "json"},
		{"check"}, {"check", "--format", "json"}, {"export"},
	} {
		out.Reset()
		errOut.Reset()
		code := run(append([]string{"coach", "-C", dir}, args...), &out, &errOut)
		if code > 1 {
			t.Errorf("coach %s: exit %d\n%s", strings.Join(args, " "), code, errOut.String())
		}
		all.Write(out.Bytes())
		all.Write(errOut.Bytes())
	}
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(path, string(filepath.Separator)+".git"+string(filepath.Separator)) {
			return err
		}
		data, err := os.ReadFile(path)
		all.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range feedbackTexts {
		if bytes.Contains(all.Bytes(), []byte(text)) {
			t.Errorf("a command's output or a file holds the feedback's plain text %q", text)
		}
	}
	if !bytes.Contains(all.Bytes(), []byte("3 pieces of feedback from colleagues since 2026-11-12")) {
		t.Errorf("alice's plan does not count her feedback")
	}
	if !bytes.Contains(all.Bytes(), []byte("Write your feedback on Alice Example")) {
		t.Errorf("no agenda shows the request for feedback about alice")
	}

	// Only --read shows it: the control that this test can fail.
	out.Reset()
	errOut.Reset()
	if code := run([]string{"coach", "-C", dir, "feedback", "--read", "alice", "--pipe", "-i", filepath.Join(dir, "example-identity.txt")}, &out, &errOut); code != 0 {
		t.Fatalf("feedback --read: exit %d\n%s", code, errOut.String())
	}
	for _, text := range feedbackTexts {
		if !strings.Contains(out.String(), text) {
			t.Errorf("feedback --read lacks %q:\n%s", text, out.String())
		}
	}
}

// check fails on plain text under feedback/, in the working tree and as
// staged (the pre-commit hook), naming the file and line, with the fix.
func TestCheckRefusesPlainFeedback(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("coach.toml", "")
	write("skills/alice.toml", "name = \"Alice Example\"\nrole = \"pm\"\n\n[levels]\nnegotiation = 2\n")
	gitCommitAll(t, dir)
	write("feedback/alice/2026-11-12-abcdefgh.age", "\nShe is great in meetings.\n")
	want := "feedback/alice/2026-11-12-abcdefgh.age:2:1: plain text under feedback/: anyone with a clone of the repository can read it; " +
		"delete the file (and `git rm --cached feedback/alice/2026-11-12-abcdefgh.age` if it was staged), then write it again with `coach feedback NAME --as YOU`, " +
		"which encrypts it; if it was committed, purge it from history: README \"Plain text that was committed\"\n"
	var out, errOut bytes.Buffer
	if code := run([]string{"coach", "-C", dir, "check"}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), want) {
		t.Errorf("check: exit %d, stderr:\n%s\nwant exit 1 and:\n%s", code, errOut.String(), want)
	}
	cmd := exec.Command("git", "add", "-A")
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git add: %v\n%s", err, b)
	}
	// The working tree's copy is gone; the staged one is still refused.
	if err := os.Remove(filepath.Join(dir, "feedback", "alice", "2026-11-12-abcdefgh.age")); err != nil {
		t.Fatal(err)
	}
	errOut.Reset()
	if code := run([]string{"coach", "-C", dir, "check", "--staged"}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), want) {
		t.Errorf("check --staged: exit %d, stderr:\n%s\nwant exit 1 and:\n%s", code, errOut.String(), want)
	}
}

// A self-review is created, never written over without --force.
func TestSelfReviewExclusive(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"coach.toml":        "",
		"skills/alice.toml": "name = \"Alice Example\"\nrole = \"pm\"\n\n[levels]\nnegotiation = 2\n",
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(dir, "self", "2026-Q4", "alice.md")
	var out, errOut bytes.Buffer
	if code := run([]string{"coach", "-C", dir, "self", "alice", "--period", "2026-Q4"}, &out, &errOut); code != 0 {
		t.Fatalf("self: exit %d\n%s", code, errOut.String())
	}
	if got, want := errOut.String(), "coach: wrote self/2026-Q4/alice.md: fill it in, then commit it\n"; got != want {
		t.Errorf("stderr %q, want %q", got, want)
	}
	written := "# Self-review of Alice Example, 2026-Q4\n\n## What I did\n\nShipped the pricing page.\n"
	if err := os.WriteFile(file, []byte(written), 0o644); err != nil {
		t.Fatal(err)
	}
	errOut.Reset()
	code := run([]string{"coach", "-C", dir, "self", "alice", "--period", "2026-Q4"}, &out, &errOut)
	want := "coach: self/2026-Q4/alice.md exists and may hold the self-review already, so it was not replaced; keep it, or run `coach self alice --period 2026-Q4 --force` to start again from a blank form\n"
	if code != 1 || errOut.String() != want {
		t.Errorf("self again: exit %d, stderr %q; want 1 and %q", code, errOut.String(), want)
	}
	if got, _ := os.ReadFile(file); string(got) != written {
		t.Errorf("the self-review was changed without --force:\n%s", got)
	}
	errOut.Reset()
	if code := run([]string{"coach", "-C", dir, "self", "alice", "--period", "2026-Q4", "--force"}, &out, &errOut); code != 0 {
		t.Fatalf("self --force: exit %d\n%s", code, errOut.String())
	}
	if got, _ := os.ReadFile(file); string(got) == written {
		t.Errorf("--force left the self-review as it was")
	}
	errOut.Reset()
	if code := run([]string{"coach", "-C", dir, "self", "alice", "--period", "2026-Q5"}, &out, &errOut); code != 2 ||
		!strings.Contains(errOut.String(), `coach: period "2026-Q5" is not a quarter; write it like 2026-Q4`) {
		t.Errorf("a bad period: exit %d, stderr %q", code, errOut.String())
	}
}

// Feedback is not encrypted to a key that came into coach.toml with
// someone else's commit, until the author says they know whose it is.
func TestFeedbackRefusesUnseenRecipient(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example repository")
	}
	dir := filepath.Join(t.TempDir(), "team")
	if code := run([]string{"coach", "init", "--example", "-q", dir}, &bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
		t.Fatalf("init --example: exit %d", code)
	}
	t.Setenv("GIT_COMMITTER_EMAIL", "ben@example.com") // no commit of Ben's
	privateTemp(t)
	editor(t, `sed -i 's/^\[does well\]$/[does well]\nClear memos/' "$1"`)
	var out, errOut bytes.Buffer
	code := run([]string{"coach", "-C", dir, "feedback", "alice", "--as", "ben"}, &out, &errOut)
	if code != 1 || !strings.Contains(errOut.String(), "coach: coach.toml's [private] recipients include 1 key(s) added by commits, and no commit in this history has your committer email (ben@example.com)") ||
		!strings.Contains(errOut.String(), "the feedback would be encrypted to them") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut.String())
	}
	if files, _ := workspace.FeedbackFiles(dir); len(files["alice"]) != 2 {
		t.Errorf("feedback was written: %v", files["alice"])
	}
	errOut.Reset()
	if code := run([]string{"coach", "-C", dir, "feedback", "alice", "--as", "ben", "--trust-new-recipients"}, &out, &errOut); code != 0 {
		t.Errorf("--trust-new-recipients: exit %d\n%s", code, errOut.String())
	}
	if files, _ := workspace.FeedbackFiles(dir); len(files["alice"]) != 3 {
		t.Errorf("feedback with --trust-new-recipients: %v", files["alice"])
	}
}
