package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"time"

	"github.com/coach-dev/coach/history"
	"github.com/coach-dev/coach/internal/parallel"
	"github.com/coach-dev/coach/internal/workspace"
	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
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
	t, err := workspace.OpenReview(opts.Dir, opts.Head == "")
	if err != nil {
		return err
	}
	root := t.Repo.Root
	snaps, err := history.OpenSnapshots(root)
	if err != nil {
		return revisionError(err)
	}
	defer snaps.Close()
	var base *history.Snapshot
	if opts.Base == "" {
		base, err = snaps.DefaultBase()
	} else {
		base, err = snaps.At(opts.Base)
	}
	if err != nil {
		return revisionError(err)
	}
	sides := &sideReader{ctx: ctx, stderr: stderr}
	var errs skills.Problems
	matrixInvalid := ""
	baseMatrix, invalid := matrixAt(base, t.Repo.Matrix, stderr)
	if invalid != nil {
		matrixInvalid = revLabel(base)
		errs = append(errs, invalid...)
	}
	baseSide, baseErrs, err := sides.read(baseMatrix, base.Files, revLabel(base), base.Rev+":")
	if err != nil {
		return err
	}
	baseSide.When = base.When
	errs = append(errs, baseErrs...)
	errs = append(errs, unreadAt(base, &baseSide, stderr)...)

	baseRules := rulesAt(base)
	var headRules plans.Rules
	headMatrix := t.Repo.Matrix
	var headSide plans.Side
	var headCommit string
	headInvalid := false
	if opts.Head == "" {
		if headRules, err = workTreeRules(root); err != nil {
			return err
		}
		for _, pr := range t.Unread {
			stderr.Problem(pr)
		}
		var headErrs skills.Problems
		if headSide, headErrs, err = sides.read(headMatrix, t.Work, "the working tree", ""); err != nil {
			return err
		}
		headInvalid = headErrs != nil || t.Unread != nil
		for _, pr := range t.Unread {
			headSide.Invalid[skills.PersonID(pr.Path)] = true
		}
		errs = append(errs, t.Unread...)
		errs = append(errs, headErrs...)
	} else {
		head, err := snaps.At(opts.Head)
		if err != nil {
			return revisionError(err)
		}
		headRules, headCommit = rulesAt(head), head.Commit
		var matrixErrs, headErrs skills.Problems
		headMatrix, matrixErrs = matrixAt(head, t.Repo.Matrix, stderr)
		if matrixErrs != nil {
			matrixInvalid = revLabel(head)
		}
		if headSide, headErrs, err = sides.read(headMatrix, head.Files, revLabel(head), head.Rev+":"); err != nil {
			return err
		}
		unread := unreadAt(head, &headSide, stderr)
		headInvalid = matrixErrs != nil || headErrs != nil || unread != nil
		errs = append(append(append(errs, matrixErrs...), headErrs...), unread...)
	}
	// The summary is written with the base's templates: the head's come
	// with the change under review.
	tmpl, renderedWith := reviewTemplates(base, stderr)
	r := plans.BuildReview(plans.ReviewInput{Matrix: headMatrix, BaseMatrix: baseMatrix, MatrixInvalid: matrixInvalid,
		Config: t.Repo.Config, Base: baseSide, Head: headSide, BaseRules: baseRules, HeadRules: headRules, RenderedWith: renderedWith})
	if err := notesCommits(snaps, r, base, headCommit, opts.Head == "", headSide); err != nil {
		return err
	}
	if opts.Format == "json" {
		err = writeJSON(stdout, diffOutput{Version: contractVersion, Diff: diffReport{Review: r, Errors: orEmpty(errs)}})
	} else {
		var out []byte
		out, err = tmpl.Render("diff.md.tmpl", r)
		if err == nil {
			out = append([]byte(reviewAlert(r)), out...)
			if opts.Comment {
				out = fitComment(out, maxComment)
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

func revLabel(s *history.Snapshot) string {
	if s.Commit == "" {
		return s.Rev + " (no commits)"
	}
	return fmt.Sprintf("%s (%s, %s)", s.Rev, s.Commit[:7], s.When.Format(time.DateOnly)) // the author's own day, as history shows it
}

// sideReader reads the sides of a review. Each file is read leniently, so
// a person stays in the review while their file has mistakes; the mistakes
// are printed, prefixed with the revision as git writes rev:path, and
// returned. The base and the head share almost every file, so a file is
// checked once: the head takes what the base found in a file of the same
// path and content, checked against an equal matrix. Files are checked in
// parallel and reported in order.
type sideReader struct {
	ctx    context.Context
	stderr *report
	// plain checks every file of every side, for tests to compare with.
	plain bool
	// last are the files of the side read last, by path, and the matrix
	// they were checked against.
	last       map[string]*fileRead
	lastMatrix *skills.Matrix
}

// fileRead is what a review needs of one skill file.
type fileRead struct {
	src     []byte
	invalid skills.Problems // its errors, at its own path
	person  *skills.Person  // nil when the TOML itself is broken
}

func (r *sideReader) read(m *skills.Matrix, files map[string][]byte, label, prefix string) (plans.Side, skills.Problems, error) {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	reads := make([]*fileRead, len(paths))
	reuse := !r.plain && r.last != nil && (m == r.lastMatrix || reflect.DeepEqual(m, r.lastMatrix))
	var todo []int
	for i, path := range paths {
		if f := r.last[path]; reuse && f != nil && bytes.Equal(f.src, files[path]) {
			reads[i] = f
			continue
		}
		todo = append(todo, i)
	}
	done, err := parallel.Do(r.ctx, 0, todo, func(i int) (*fileRead, error) {
		return readFile(paths[i], files[paths[i]], m), nil
	})
	if err != nil {
		return plans.Side{}, nil, err
	}
	for k, i := range todo {
		reads[i] = done[k]
	}

	s := plans.Side{Label: label, People: map[string]*skills.Person{}, Raw: map[string][]byte{}, Invalid: map[string]bool{}}
	var invalid skills.Problems
	r.last, r.lastMatrix = make(map[string]*fileRead, len(paths)), m
	for i, path := range paths {
		f := reads[i]
		r.last[path] = f
		for _, pr := range f.invalid {
			pr.Path = prefix + pr.Path
			r.stderr.Problem(pr)
			invalid = append(invalid, pr)
			s.Invalid[skills.PersonID(path)] = true
		}
		if f.person == nil {
			continue // reported above: the TOML itself is broken
		}
		s.People[f.person.ID] = f.person
		s.Raw[f.person.ID] = f.src
	}
	return s, invalid, nil
}

// readFile checks a skill file against m and reads it leniently.
func readFile(path string, src []byte, m *skills.Matrix) *fileRead {
	f := &fileRead{src: src}
	_, problems := skills.DecodePerson(path, src, m)
	for _, pr := range problems {
		if pr.Severity == skills.Error {
			f.invalid = append(f.invalid, pr)
		}
	}
	f.person, _ = skills.ParsePerson(path, src)
	return f
}

// unreadAt reports the skill files of a revision that coach does not read
// (over the size limit, which the object's header tells before it is
// read) as problems at rev:path, and marks their people invalid on side.
func unreadAt(s *history.Snapshot, side *plans.Side, stderr *report) skills.Problems {
	var out skills.Problems
	for _, pr := range s.Unread {
		if pr.Path == skills.MatrixFile {
			continue // see matrixAt
		}
		side.Invalid[skills.PersonID(pr.Path)] = true
		pr.Path = s.Rev + ":" + pr.Path
		stderr.Problem(pr)
		out = append(out, pr)
	}
	return out
}

// matrixAt is the matrix of a revision: its matrix.toml, or the built-in
// matrix when it has none. A matrix with errors is reported as rev:path
// problems and replaced by fallback (the working tree's); invalid then
// holds them.
func matrixAt(s *history.Snapshot, fallback *skills.Matrix, stderr *report) (m *skills.Matrix, invalid skills.Problems) {
	if s.Commit == "" {
		return fallback, nil // no commits yet: nothing to compare the matrix with
	}
	for _, pr := range s.Unread {
		if pr.Path == skills.MatrixFile {
			pr.Path = s.Rev + ":" + pr.Path
			stderr.Problem(pr)
			return fallback, skills.Problems{pr}
		}
	}
	if s.Matrix == nil {
		m, err := skills.DefaultMatrix()
		if err != nil {
			return fallback, skills.Problems{{Path: s.Rev + ":" + skills.MatrixFile, Severity: skills.Error, Message: err.Error()}}
		}
		return m, nil
	}
	m, problems := skills.DecodeMatrix(skills.MatrixFile, s.Matrix)
	for _, pr := range problems {
		if pr.Severity == skills.Error {
			pr.Path = s.Rev + ":" + pr.Path
			stderr.Problem(pr)
			invalid = append(invalid, pr)
		}
	}
	if m == nil && invalid == nil {
		invalid = skills.Problems{{Path: s.Rev + ":" + skills.MatrixFile, Severity: skills.Error, Message: "the matrix could not be read"}}
	}
	if invalid != nil {
		return fallback, invalid
	}
	return m, nil
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
