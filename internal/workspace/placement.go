package workspace

import (
	"fmt"
	"os"
	"path"
	"path/filepath"

	"github.com/coach-dev/coach/internal/files"
	repoexample "github.com/coach-dev/coach/repo-example"
	"github.com/coach-dev/coach/skills"
	"github.com/go-git/go-git/v5"
)

// PlacementProblems warns about a coaching folder below the root of its git
// repository whose workflow or hook cannot run as placed: the code host runs
// workflows from the root's .github/workflows only, and git looks for hooks
// where core.hooksPath says, from the root.
func PlacementProblems(root string) skills.Problems {
	folder := GitPrefix(root)
	if folder == "" {
		return nil
	}
	var out skills.Problems
	if fi, err := os.Lstat(filepath.Join(root, filepath.FromSlash(repoexample.WorkflowPath))); err == nil && fi.Mode().IsRegular() {
		out = append(out, skills.Problem{Path: repoexample.WorkflowPath, Severity: skills.Warning,
			Message: fmt.Sprintf("this workflow never runs: the coaching files are in %s/ of a larger repository, and workflows run only from the repository's root", folder),
			Hint:    fmt.Sprintf("run `coach init` in %s/ again after removing it: it writes the workflow at the root, for this folder", folder)})
	}
	gitRoot, err := files.EnclosingGitRepo(root)
	if err != nil || gitRoot == "" {
		return out
	}
	repo, err := git.PlainOpen(gitRoot)
	if err != nil {
		return out
	}
	cfg, err := repo.Config()
	if err != nil {
		return out
	}
	hp := cfg.Raw.Section("core").Option("hooksPath")
	if hp == "" || filepath.IsAbs(hp) {
		return out
	}
	// A hooksPath with no pre-commit in it runs no hook at all: git says
	// nothing, and a stale plan is committed.
	if _, err := os.Stat(filepath.Join(gitRoot, filepath.FromSlash(hp), "pre-commit")); err != nil {
		out = append(out, skills.Problem{Path: "hooks/pre-commit", Severity: skills.Warning,
			Message: fmt.Sprintf("the hook never runs: core.hooksPath is %q, from the root of the repository, which has no %s/pre-commit", hp, path.Clean(filepath.ToSlash(hp))),
			Hint:    fmt.Sprintf("run `git config core.hooksPath %s/hooks`", folder)})
	}
	return out
}
