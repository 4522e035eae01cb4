package main

import (
	"context"
	"errors"
	"github.com/coach-dev/coach/internal/jsonout"
	"io"

	"github.com/coach-dev/coach/history"
	"github.com/coach-dev/coach/internal/workspace"
	"github.com/urfave/cli/v2"
)

type diffOptions struct {
	Dir    string
	Base   string
	Head   string
	Format string
	// Comment fits the Markdown into a pull-request comment.
	Comment bool
}

// maxComment is the most coach diff --comment writes: GitHub refuses a
// comment over 65,536 characters, and the workflow adds a line of its own.
const maxComment = 60_000

func newDiffCommand(stdout io.Writer, stderr *report) *cli.Command {
	return &cli.Command{
		Name:  "diff",
		Usage: "summarise the skill changes of a pull request, as Markdown for a comment or JSON",
		Description: `diff compares the skill files of two revisions: by default the merge base
with the default branch (origin/HEAD, main or master) and the working tree.
For every person whose file changed: levels up and down with the matrix's
level names, self-assessment changes, role and target changes, new evidence
and goals, readiness for the target before and after, and focus skills that
enter or leave the plan. Added, removed and renamed files are reported as
such. A level raised with no evidence entry for the skill dated since the
base is flagged "raised without evidence" for the reviewer. Both sides are
read against the head's matrix; when matrix.toml itself changed, the summary
lists the role bars that moved and whose readiness moved with them.

The summary is written with the base's templates (the built-in ones when
the base has no commits), never the head's: a pull request does not write
its own review. It opens with a warning when the change touches the files
a review is made by (matrix.toml, coach.toml, templates/), when it adds or
removes a [private] recipient (who can read the private notes), and when
it changes anyone's private notes, with who committed them: notes are
encrypted to public keys, so anyone who can push can write them.

--comment fits the Markdown into a pull-request comment: at most 60,000
bytes, with a last line saying what was left out.

Examples:
   coach diff                                  # this branch against main
   coach diff --comment --base origin/main > comment.md  # in CI, for a PR comment
   coach diff --base v1 --head v2 --format json

Exit status: 0 ok (no changes included), 1 an invalid skill file at head (the
rest of the summary is still printed), a damaged repository, an object a
partial clone has not fetched, or a sha256 repository, 2 wrong usage, an
unknown revision or a base that is not in a shallow clone.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "base", Usage: "compare with `REV` (default: the merge base with the default branch)"},
			&cli.StringFlag{Name: "head", Usage: "compare `REV` (default: the working tree)"},
			formatFlag("md", "json"),
			&cli.BoolFlag{Name: "comment", Usage: "fit the Markdown into a pull-request comment (60,000 bytes at most)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("diff takes no arguments; use --base and --head")
			}
			opts := diffOptions{Dir: repoDir(c), Base: c.String("base"), Head: c.String("head"), Format: c.String("format"),
				Comment: c.Bool("comment")}
			if err := checkFormat(opts.Format, "md", "json"); err != nil {
				return err
			}
			if opts.Comment && opts.Format != "md" {
				return usagef("--comment is for the Markdown summary; it does not go with --format %s", opts.Format)
			}
			return runDiff(c.Context, opts, stdout, stderr)
		},
	}
}

func runDiff(ctx context.Context, opts diffOptions, stdout io.Writer, stderr *report) error {
	d, err := workspace.OpenDiff(ctx, workspace.DiffOptions{Dir: opts.Dir, Base: opts.Base, Head: opts.Head}, stderr)
	var rev *workspace.RevisionError
	if errors.As(err, &rev) {
		return revisionError(rev.Err)
	}
	if err != nil {
		return err
	}
	r, errs, tmpl, headInvalid := d.Review, d.Errors, d.Templates, d.HeadInvalid
	if opts.Format == "json" {
		err = jsonout.Write(stdout, jsonout.Diff{Version: jsonout.Version, Diff: jsonout.DiffReport{Review: r, Errors: jsonout.OrEmpty(errs)}})
	} else {
		var out []byte
		out, err = tmpl.Render("diff.md.tmpl", r)
		if err == nil {
			out = append([]byte(workspace.ReviewAlert(r)), out...)
			if opts.Comment {
				out = workspace.FitComment(out, maxComment)
			}
			_, err = stdout.Write(shown(out))
		}
	}
	if err != nil {
		return err
	}
	if headInvalid {
		return errFindings
	}
	return nil
}

func revisionError(err error) error {
	switch {
	case errors.Is(err, history.ErrRevision):
		return &usageError{msg: err.Error(), hint: "name a branch, tag or commit that exists: git log --oneline --all"}
	case errors.Is(err, history.ErrNotFetched):
		return &usageError{msg: err.Error()}
	}
	return err
}
