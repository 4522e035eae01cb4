package repoexample

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coach-dev/coach/skills"
	"github.com/go-git/go-git/v5"
)

// Every version of every skill file in the history is valid, so the example's
// history shows real progress and no parse warnings.
func TestHistoryVersionsAreValid(t *testing.T) {
	m, err := skills.DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	err = fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".toml") || (!strings.HasPrefix(p, "skills/") && !strings.HasPrefix(p, "history/")) {
			return err
		}
		if p == "history/commits.toml" {
			return nil
		}
		src, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		_, problems := skills.DecodePerson("skills/"+filepath.Base(p), src, m)
		if problems.Errors() > 0 {
			t.Errorf("%s: %v", p, problems)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestBuild(t *testing.T) {
	dir := t.TempDir()
	commits, err := Build(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(commits) != 32 {
		t.Errorf("made %d commits, want 32", len(commits))
	}
	final, err := Final("")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range final {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Errorf("%s: %v", f.Path, err)
			continue
		}
		if string(got) != string(f.Data) {
			t.Errorf("%s differs from the example's final version", f.Path)
		}
	}
	repo, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	status, err := wt.Status()
	if err != nil {
		t.Fatal(err)
	}
	if !status.IsClean() {
		t.Errorf("work tree not clean after the history:\n%s", status)
	}
}

func TestSkeletonHasEveryDirectory(t *testing.T) {
	var paths []string
	for _, f := range Skeleton("") {
		paths = append(paths, f.Path)
		if len(f.Data) == 0 && !strings.HasSuffix(f.Path, ".gitkeep") {
			t.Errorf("%s is empty", f.Path)
		}
	}
	want := "coach.toml matrix.toml .coach/skill.schema.json .github/workflows/coach.yml hooks/pre-commit skills/README.md plans/.gitkeep agendas/.gitkeep team/.gitkeep templates/README.md .markdownlint.json .gitignore .gitattributes"
	if got := strings.Join(paths, " "); got != want {
		t.Errorf("skeleton = %s, want %s", got, want)
	}
}

// The CI workflow and the pre-commit hook run the checks a coaching
// repository relies on; the commands themselves, and the hook on a real
// commit, are tested end to end in cmd/coach.
func TestWorkflowAndHookRunTheChecks(t *testing.T) {
	wf, err := Workflow("v1.2.3")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\non:\n  pull_request:\n  push:\n", "\n  COACH_VERSION: v1.2.3\n", "fetch-depth: 0",
		`go install "github.com/coach-dev/coach/cmd/coach@$version"`,
		"run: coach check --format github", "run: coach plan --all --check --format github",
		`coach diff --comment --base "origin/$BASE_REF"`, "--method PATCH", "pull-requests: write",
	} {
		if !strings.Contains(string(wf), want) {
			t.Errorf("the workflow does not contain %q", want)
		}
	}
	// A path filter would leave a required check waiting forever on a pull
	// request that touches no coaching file.
	if strings.Contains(string(wf), "paths:") {
		t.Errorf("the workflow filters its trigger by path")
	}
	if latest, _ := Workflow(""); !strings.Contains(string(latest), "\n  COACH_VERSION: latest\n") {
		t.Errorf("a build with no version does not install latest")
	}
	hook, err := files.ReadFile("hooks/pre-commit")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(hook), "#!/bin/sh\n") || !strings.Contains(string(hook), "\ncoach -C \"$folder\" check --staged\nstatus=0\ncoach -C \"$folder\" plan --all --check --staged || status=1\ncoach -C \"$folder\" team --check --staged || status=1\n") ||
		!strings.Contains(string(hook), "\tcoach -C \"$folder\" promo --all --check --staged || status=1\n") ||
		!strings.Contains(string(hook), "\tcoach -C \"$folder\" calibrate --check --staged || status=1\n") ||
		!strings.HasSuffix(string(hook), "\nexit $status\n") {
		t.Errorf("the hook does not check the staged files:\n%s", hook)
	}
}

// A plain coach init gets the example's settings without its organisation:
// no leader and no target shape, only comments to fill in.
func TestSkeletonConfig(t *testing.T) {
	for _, f := range Skeleton("") {
		if f.Path != skills.ConfigFile {
			continue
		}
		cfg, problems := skills.DecodeConfig(f.Path, f.Data)
		if len(problems) > 0 || len(cfg.Leaders) > 0 || len(cfg.Team.Shape) > 0 {
			t.Errorf("skeleton coach.toml: leaders %v, shape %v, problems %v", cfg.Leaders, cfg.Team.Shape, problems)
		}
		if !strings.Contains(string(f.Data), "# [[leader]]\n") {
			t.Errorf("skeleton coach.toml does not show how to declare a leader:\n%s", f.Data)
		}
	}
}
