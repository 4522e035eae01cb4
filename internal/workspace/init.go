package workspace

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/coach-dev/coach/internal/files"
	repoexample "github.com/coach-dev/coach/repo-example"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
)

// InitReporter hears what Init makes and keeps.
type InitReporter interface {
	Warnf(format string, a ...any)
	Wrotef(format string, a ...any)
}

// Init makes a coaching repository in dir (coach init): the skeleton's
// files, each kept where it exists, with the CI workflow of version. In a
// folder of the git repository at gitRoot, the workflow goes to the
// repository's root, where the code host runs it; without git (gitRoot
// ""), a git repository is made, on branch main.
func Init(ctx context.Context, dir, gitRoot, version string, rep InitReporter) error {
	folder, err := files.FolderIn(gitRoot, dir)
	if err != nil {
		return err
	}
	for _, f := range repoexample.Skeleton(version) {
		path, name := filepath.Join(dir, filepath.FromSlash(f.Path)), f.Path
		if f.Path == repoexample.WorkflowPath && folder != "" {
			// The code host runs workflows from the repository's root
			// only: the folder's workflow is written there.
			data, err := repoexample.WorkflowIn(version, folder)
			if err != nil {
				rep.Warnf("no CI workflow written: %v", err)
				continue
			}
			path, name, f.Data = filepath.Join(gitRoot, filepath.FromSlash(f.Path)), "the repository's "+f.Path, data
		}
		err := files.Create(ctx, path, name, f.Data)
		if errors.Is(err, fs.ErrExist) {
			rep.Wrotef("kept %s (it exists)", name)
			continue
		}
		if err != nil {
			return err
		}
		if err := os.Chmod(path, f.Mode()); err != nil {
			return err
		}
		rep.Wrotef("created %s", name)
	}
	if folder != "" {
		rep.Wrotef("using the git repository at %s, with the coaching files in %s/", gitRoot, folder)
		rep.Wrotef("turn the pre-commit hook on with `git config core.hooksPath %s/hooks`, or see README \"A coaching folder in a larger repository\"", folder)
		return nil
	}
	if gitRoot != "" {
		rep.Wrotef("using the git repository at %s", gitRoot)
		return nil
	}
	if _, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{
		InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")},
	}); err != nil {
		return fmt.Errorf("git init %s: %w", dir, err)
	}
	rep.Wrotef("created a git repository (branch main)")
	return nil
}
