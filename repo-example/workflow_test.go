package repoexample

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// The workflow's shell steps are run here as the Actions runner runs them
// (bash -e, with the step's env and $GITHUB_OUTPUT), on real repositories.

// stepScript is the run: block of the workflow step named name, dedented.
func stepScript(t *testing.T, name string) string {
	t.Helper()
	wf, err := Workflow("v1.2.3")
	if err != nil {
		t.Fatal(err)
	}
	return stepScriptOf(t, wf, name)
}

// stepScriptOf is stepScript of the workflow wf.
func stepScriptOf(t *testing.T, wf []byte, name string) string {
	t.Helper()
	lines := strings.Split(string(wf), "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) != "- name: "+name {
			continue
		}
		for j := i + 1; j < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[j]), "- "); j++ {
			if strings.TrimSpace(lines[j]) != "run: |" {
				continue
			}
			indent := len(lines[j+1]) - len(strings.TrimLeft(lines[j+1], " "))
			var b strings.Builder
			for _, s := range lines[j+1:] {
				if strings.TrimSpace(s) != "" && len(s)-len(strings.TrimLeft(s, " ")) < indent {
					break
				}
				b.WriteString(strings.TrimPrefix(s, strings.Repeat(" ", indent)) + "\n")
			}
			return b.String()
		}
	}
	t.Fatalf("the workflow has no step %q with a run: block", name)
	return ""
}

func runStep(t *testing.T, dir, script string, env ...string) (output string, err error) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "github_output")
	cmd := exec.Command("bash", "-e", "-c", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), append(env, "GITHUB_OUTPUT="+out)...)
	log, err := cmd.CombinedOutput()
	got, _ := os.ReadFile(out)
	if err != nil {
		return string(got), &exec.ExitError{ProcessState: cmd.ProcessState, Stderr: log}
	}
	return string(got), nil
}

func runGit(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t",
		"GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// A pull request that only moves a skill file (out of skills/, or into it)
// touches the coaching files: git diff without --no-renames reported only
// the new path, so moving skills/alice.toml to notes/alice.toml skipped
// every check and went green.
func TestWorkflowChangedStepSeesRenames(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	script := stepScript(t, "Did this change touch the coaching files?")
	for _, tc := range []struct {
		name     string
		from, to string
		want     string
	}{
		{"a skill file moved out of skills/", "skills/alice.toml", "archive/alice.toml", "coach=true"},
		{"a file moved into skills/", "archive/bob.toml", "skills/bob.toml", "coach=true"},
		{"a skill file renamed within skills/", "skills/alice.toml", "skills/alicia.toml", "coach=true"},
		{"a file with a name git quotes", "skills/alice.toml", "archive/ali\u00e9.toml", "coach=true"},
		// check refuses plain text under feedback/: a pull request that
		// only adds some must still run it.
		{"a file moved into feedback/", "docs/a.md", "feedback/alice/a.md", "coach=true"},
		{"a file moved into self/", "docs/a.md", "self/2026-Q4/alice.md", "coach=true"},
		{"a file moved into reviews/", "docs/a.md", "reviews/2026-Q4/alice.md", "coach=true"},
		{"no coaching file", "docs/a.md", "docs/b.md", "coach=false"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			runGit(t, dir, "init", "-q", "-b", "main")
			for _, p := range []string{tc.from, "README.md"} {
				if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, p), []byte("name = \"Alice\"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			runGit(t, dir, "add", ".")
			runGit(t, dir, "commit", "-q", "-m", "base")
			base := runGit(t, dir, "rev-parse", "HEAD")
			if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(tc.to)), 0o755); err != nil {
				t.Fatal(err)
			}
			runGit(t, dir, "mv", tc.from, tc.to)
			runGit(t, dir, "commit", "-q", "-m", "move")
			got, err := runStep(t, dir, script, "BASE="+base)
			if err != nil {
				t.Fatalf("the step failed: %v\n%s", err, err.(*exec.ExitError).Stderr)
			}
			if strings.TrimSpace(got) != tc.want {
				t.Errorf("GITHUB_OUTPUT = %q, want %q", got, tc.want)
			}
		})
	}
}

// Every action is pinned to a full commit SHA with its version in a
// comment: a tag can be moved to other code by whoever controls the action.
func TestWorkflowPinsActionsBySHA(t *testing.T) {
	wf, err := Workflow("v1.2.3")
	if err != nil {
		t.Fatal(err)
	}
	uses := regexp.MustCompile(`(?m)^\s*(?:-\s+)?uses:\s*(\S+)(.*)$`).FindAllStringSubmatch(string(wf), -1)
	if len(uses) < 2 {
		t.Fatalf("found %d uses: lines, want checkout and setup-go", len(uses))
	}
	pinned := regexp.MustCompile(`^[\w.-]+/[\w.-]+@[0-9a-f]{40}$`)
	version := regexp.MustCompile(`^\s*# v\d+\.\d+\.\d+$`)
	for _, u := range uses {
		if !pinned.MatchString(u[1]) || !version.MatchString(u[2]) {
			t.Errorf("uses: %s%s is not pinned to a full commit SHA with a # vX.Y.Z comment", u[1], u[2])
		}
	}
}

// The checkout leaves no token in .git/config for the steps that run on
// the pull request's files.
func TestWorkflowKeepsNoToken(t *testing.T) {
	wf, err := Workflow("v1.2.3")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^\s+persist-credentials: false\b`).Match(wf) {
		t.Errorf("the checkout persists its credentials")
	}
}

// The coach_version of a pull request's coach.toml is installed only when
// it is a release version; anything else stops the step before go install.
func TestWorkflowInstallValidatesVersion(t *testing.T) {
	script := stepScript(t, "Install coach")
	for _, tc := range []struct {
		name, config string
		env          string
		want         string // the go command line run, "" for none
	}{
		{"a release", `coach_version = "v0.5.0"`, "latest", "install github.com/coach-dev/coach/cmd/coach@v0.5.0"},
		{"no pin", ``, "v1.2.3", "install github.com/coach-dev/coach/cmd/coach@v1.2.3"},
		{"no pin, latest", ``, "latest", "install github.com/coach-dev/coach/cmd/coach@latest"},
		{"a branch", `coach_version = "main"`, "latest", ""},
		{"a commit", `coach_version = "d23441a48e516b6c34aea4fa41551a30e30af803"`, "latest", ""},
		{"another module", `coach_version = "v1.0.0 example.com/evil@v1"`, "latest", ""},
		{"a shell word", `coach_version = "v1.0.0$(touch pwned)"`, "latest", ""},
		{"a leading zero", `coach_version = "v01.0.0"`, "latest", ""},
		{"a pre-release", `coach_version = "v1.0.0-rc.1"`, "latest", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			bin := filepath.Join(dir, "bin")
			if err := os.Mkdir(bin, 0o755); err != nil {
				t.Fatal(err)
			}
			// go records how it was called; coach --version prints nothing.
			for name, body := range map[string]string{
				"go":    "#!/bin/sh\necho \"$@\" > \"$CALLED\"\n",
				"coach": "#!/bin/sh\n",
			} {
				if err := os.WriteFile(filepath.Join(bin, name), []byte(body), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.WriteFile(filepath.Join(dir, "coach.toml"), []byte(tc.config+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			called := filepath.Join(dir, "called")
			_, err := runStep(t, dir, script, "PATH="+bin+":"+os.Getenv("PATH"), "COACH_VERSION="+tc.env, "CALLED="+called, "COACH_INSTALL=go")
			got, _ := os.ReadFile(called)
			if strings.TrimSpace(string(got)) != tc.want {
				t.Errorf("go was called with %q, want %q", strings.TrimSpace(string(got)), tc.want)
			}
			if (err != nil) != (tc.want == "") {
				t.Errorf("the step's error = %v, want one only when nothing is installed", err)
			}
			if _, err := os.Stat(filepath.Join(dir, "pwned")); err == nil {
				t.Errorf("the version ran as shell code")
			}
		})
	}
}

// The comment that the workflow updates is its own: a comment someone else
// writes starting with the marker is never edited with the summary. The
// lookup's jq filter is run on a page of comments as the API returns them.
func TestWorkflowUpdatesOnlyItsOwnComment(t *testing.T) {
	jq, err := exec.LookPath("jq")
	if err != nil {
		t.Skip("no jq")
	}
	script := stepScript(t, "Post or update the summary comment")
	m := regexp.MustCompile(`--jq '([^']*)'`).FindStringSubmatch(script)
	if m == nil {
		t.Fatalf("the step has no --jq filter:\n%s", script)
	}
	page := `[
  {"id": 1, "user": {"login": "mallory"}, "body": "<!-- coach diff -->\nNo level changes"},
  {"id": 2, "user": {"login": "github-actions[bot]"}, "body": "a comment of another workflow"},
  {"id": 3, "user": {"login": "github-actions[bot]"}, "body": "<!-- coach diff -->\n## Skill changes"}
]`
	cmd := exec.Command(jq, "-r", m[1])
	cmd.Stdin = strings.NewReader(page)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(out)); got != "3" {
		t.Errorf("the lookup found comment(s) %q, want only the bot's, 3", got)
	}
}

// A coaching folder inside a larger repository (issue 26): the workflow at
// the root runs its steps in the folder and sees changes under it only.
func TestWorkflowInFolder(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	wf, err := WorkflowIn("v1.2.3", "org/product.team")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\n    defaults:\n      run:\n        working-directory: org/product.team\n",
		`grep -qzE '^org/product\.team/(skills/|plans/|`,
		"::error file=org/product.team/coach.toml::",
		"# The coaching files are in org/product.team/ of this repository",
	} {
		if !strings.Contains(string(wf), want) {
			t.Errorf("the folder's workflow lacks %q", want)
		}
	}
	script := stepScriptOf(t, wf, "Did this change touch the coaching files?")
	for _, tc := range []struct{ file, want string }{
		{"org/product.team/skills/alice.toml", "coach=true"},
		{"org/product.team/team.md", "coach=true"},
		{"skills/alice.toml", "coach=false"},
		{"org/productXteam/skills/alice.toml", "coach=false"},
		{"org/product.team/docs/notes.md", "coach=false"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			dir := t.TempDir()
			runGit(t, dir, "init", "-q", "-b", "main")
			if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("x\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			runGit(t, dir, "add", ".")
			runGit(t, dir, "commit", "-q", "-m", "base")
			base := runGit(t, dir, "rev-parse", "HEAD")
			if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(tc.file)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, tc.file), []byte("x\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			runGit(t, dir, "add", ".")
			runGit(t, dir, "commit", "-q", "-m", "change")
			got, err := runStep(t, dir, script, "BASE="+base)
			if err != nil {
				t.Fatalf("the step failed: %v\n%s", err, err.(*exec.ExitError).Stderr)
			}
			if got = strings.TrimSpace(got); got != tc.want {
				t.Errorf("GITHUB_OUTPUT = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestValidFolder(t *testing.T) {
	for folder, want := range map[string]bool{
		"coaching": true, "org/product": true, "a.b/c_d-e": true,
		"": false, "/abs": false, "../up": false, "a/./b": false, "a/../b": false,
		"has space": false, "a'b": false, "a/": false, "$(x)": false, ".hidden": false,
	} {
		if got := ValidFolder(folder); got != want {
			t.Errorf("ValidFolder(%q) = %v, want %v", folder, got, want)
		}
	}
}

// Without Go (issue 26): the step downloads the release's archive for the
// runner and installs its binary only when it matches the release's
// SHA256SUMS; a pinned version is fetched from its own release.
func TestWorkflowInstallsTheRelease(t *testing.T) {
	if _, err := exec.LookPath("curl"); err != nil {
		t.Skip("no curl")
	}
	arch := map[string]string{"amd64": "amd64", "arm64": "arm64"}[runtime.GOARCH]
	if arch == "" || runtime.GOOS != "linux" {
		t.Skip("the workflow runs on linux runners")
	}
	script := stepScript(t, "Install coach")
	archive := "coach_linux_" + arch + ".tar.gz"
	makeRelease := func(t *testing.T, dir, version string, tamper bool) {
		t.Helper()
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		gz := gzip.NewWriter(&buf)
		tw := tar.NewWriter(gz)
		body := []byte("#!/bin/sh\necho coach " + version + "\n")
		if err := tw.WriteHeader(&tar.Header{Name: "coach", Mode: 0o755, Size: int64(len(body))}); err != nil {
			t.Fatal(err)
		}
		tw.Write(body)
		tw.Close()
		gz.Close()
		data := buf.Bytes()
		sum := sha256.Sum256(data)
		if tamper {
			data = append(data, 0)
		}
		if err := os.WriteFile(filepath.Join(dir, archive), data, 0o644); err != nil {
			t.Fatal(err)
		}
		sums := hex.EncodeToString(sum[:]) + "  " + archive + "\n"
		if err := os.WriteFile(filepath.Join(dir, "SHA256SUMS"), []byte(sums), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name, config, env string
		tamper            bool
		want              string // what the installed coach prints; "" for none
	}{
		{"the pinned release", `coach_version = "v0.5.0"`, "latest", false, "coach v0.5.0"},
		{"the version init wrote", ``, "v1.2.3", false, "coach v1.2.3"},
		{"latest", ``, "latest", false, "coach latest"},
		{"an archive that does not match its sum", ``, "v1.2.3", true, ""},
		{"a release that does not exist", `coach_version = "v9.9.9"`, "latest", false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, home := t.TempDir(), t.TempDir()
			releases := filepath.Join(t.TempDir(), "releases")
			makeRelease(t, filepath.Join(releases, "download", "v0.5.0"), "v0.5.0", tc.tamper)
			makeRelease(t, filepath.Join(releases, "download", "v1.2.3"), "v1.2.3", tc.tamper)
			makeRelease(t, filepath.Join(releases, "latest", "download"), "latest", tc.tamper)
			if err := os.WriteFile(filepath.Join(dir, "coach.toml"), []byte(tc.config+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := runStep(t, dir, script, "HOME="+home, "COACH_VERSION="+tc.env, "COACH_INSTALL=release",
				"COACH_RELEASES=file://"+releases, "GITHUB_PATH="+filepath.Join(home, "github_path"))
			installed := filepath.Join(home, ".local", "bin", "coach")
			if tc.want == "" {
				if err == nil {
					t.Errorf("the step succeeded")
				}
				if _, serr := os.Stat(installed); serr == nil {
					t.Errorf("coach was installed")
				}
				return
			}
			if err != nil {
				t.Fatalf("the step failed: %v\n%s", err, err.(*exec.ExitError).Stderr)
			}
			out, err := exec.Command(installed, "--version").Output()
			if err != nil || strings.TrimSpace(string(out)) != tc.want {
				t.Errorf("installed coach says %q (%v), want %q", out, err, tc.want)
			}
		})
	}
}
