package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	repoexample "github.com/coach-dev/coach/repo-example"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/urfave/cli/v2"
)

type initOptions struct {
	Dir     string
	Example bool
}

func newInitCommand() *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "make a coaching repository, or the example one with --example",
		ArgsUsage: "[DIR]",
		Description: `init makes a coaching repository in DIR (default: the current directory):
coach.toml, matrix.toml (the built-in skill matrix, to customise), skills/,
plans/, agendas/ and templates/, and a git repository when DIR is not in one.
It never overwrites a file that exists, and says what it made.

With --example it makes the example team instead: six product managers from an
APM to a Director, with goals, evidence and self-assessments, and six months of
git history with a promotion, a renamed file and two merged pull requests, in
a new git repository of its own. DIR must be new or empty. The same command
always makes the same commits.

Examples:
   coach init
   coach init --example team && cd team && coach check

Exit status: 0 when done, 2 when DIR cannot be used.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "example", Usage: "make the example team with its git history"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return usagef("init takes at most one directory; got %d arguments", c.NArg())
			}
			opts := initOptions{Dir: repoDir(c), Example: c.Bool("example")}
			if c.NArg() == 1 {
				opts.Dir = filepath.Join(opts.Dir, c.Args().First())
			}
			return runInit(c.Context, opts, c.App.Writer, c.App.ErrWriter)
		},
	}
}

func runInit(ctx context.Context, opts initOptions, stdout, stderr io.Writer) error {
	gitRoot, err := enclosingGitRepo(opts.Dir)
	if err != nil {
		return err
	}
	if opts.Example {
		return initExample(opts.Dir, gitRoot, stdout, stderr)
	}
	for _, f := range repoexample.Skeleton() {
		path := filepath.Join(opts.Dir, filepath.FromSlash(f.Path))
		err := createFile(ctx, path, f.Path, f.Data)
		if errors.Is(err, fs.ErrExist) {
			fmt.Fprintf(stdout, "kept    %s (it exists)\n", f.Path)
			continue
		}
		if err != nil {
			return err
		}
		if err := os.Chmod(path, f.Mode()); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "created %s\n", f.Path)
	}
	if gitRoot != "" {
		fmt.Fprintf(stdout, "using the git repository at %s\n", gitRoot)
		return nil
	}
	if _, err := git.PlainInitWithOptions(opts.Dir, &git.PlainInitOptions{
		InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")},
	}); err != nil {
		return fmt.Errorf("git init %s: %w", opts.Dir, err)
	}
	fmt.Fprintln(stdout, "created a git repository (branch main)")
	return nil
}

// initExample makes the example in a new git repository of its own, even
// inside another repository (as git init does): its history must be exactly
// the example's, and the enclosing repository is never touched.
func initExample(dir, gitRoot string, stdout, stderr io.Writer) error {
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	if len(entries) > 0 {
		return &usageError{msg: fmt.Sprintf("%s is not empty; init --example needs a new or empty directory", dir)}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	commits, err := repoexample.Build(dir)
	if err != nil {
		return err
	}
	final, err := repoexample.Final()
	if err != nil {
		return err
	}
	for _, f := range final {
		fmt.Fprintf(stdout, "created %s\n", f.Path)
	}
	fmt.Fprintf(stdout, "created a git repository (branch main) with %d commits of example history\n", len(commits))
	if gitRoot != "" {
		fmt.Fprintf(stderr, "coach: note: %s has a git repository of its own, inside the one at %s\n", dir, gitRoot)
	}
	return nil
}
