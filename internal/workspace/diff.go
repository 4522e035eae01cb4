package workspace

// A pull request is reviewed by rules it must not write itself. coach diff
// renders its summary with the base's templates, and opens it with an alert
// when the change touches what a review is made by (the matrix, coach.toml,
// the templates), who can read private notes (coach.toml's recipients), or
// anyone's private notes (which anyone who can push can write, since they
// are encrypted to public keys).

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/coach-dev/coach/history"
	"github.com/coach-dev/coach/internal/files"
	"github.com/coach-dev/coach/internal/parallel"
	"github.com/coach-dev/coach/internal/selfreview"
	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/coach-dev/coach/templates"
	"github.com/go-git/go-git/v5/plumbing"
)

// Reporter hears what reading a workspace finds as it finds it: problems in
// files, and warnings about what it does instead.
type Reporter interface {
	Problem(skills.Problem)
	Warnf(format string, a ...any)
}

// DiffOptions say which two revisions a review compares.
type DiffOptions struct {
	// Dir is a directory in the repository (-C).
	Dir string
	// Base is the base revision; "" is the merge base with the default
	// branch.
	Base string
	// Head is the head revision; "" is the working tree.
	Head string
}

// Diff is a review of two revisions, ready to render.
type Diff struct {
	Review *plans.Review
	// Errors are every error found in the files of either side, at
	// rev:path, each reported as it was found.
	Errors skills.Problems
	// HeadInvalid is set when the head has a skill file with errors.
	HeadInvalid bool
	// Templates are the base's, which the summary is written with.
	Templates *templates.Set
}

// RevisionError is a revision that could not be opened or resolved.
type RevisionError struct{ Err error }

func (e *RevisionError) Error() string { return e.Err.Error() }
func (e *RevisionError) Unwrap() error { return e.Err }

// OpenDiff reads the two sides of a review, reporting the problems of each
// file as it reads it, and builds the review.
func OpenDiff(ctx context.Context, opts DiffOptions, rep Reporter) (*Diff, error) {
	t, err := OpenReview(opts.Dir, opts.Head == "")
	if err != nil {
		return nil, err
	}
	root := t.Repo.Root
	snaps, err := history.OpenSnapshots(root)
	if err != nil {
		return nil, &RevisionError{err}
	}
	defer snaps.Close()
	var base *history.Snapshot
	if opts.Base == "" {
		base, err = snaps.DefaultBase()
	} else {
		base, err = snaps.At(opts.Base)
	}
	if err != nil {
		return nil, &RevisionError{err}
	}
	sides := &sideReader{ctx: ctx, rep: rep}
	var errs skills.Problems
	matrixInvalid := ""
	baseMatrix, invalid := matrixAt(base, t.Repo.Matrix, rep)
	if invalid != nil {
		matrixInvalid = revLabel(base)
		errs = append(errs, invalid...)
	}
	baseSide, baseErrs, err := sides.read(baseMatrix, base.Files, revLabel(base), base.Rev+":")
	if err != nil {
		return nil, err
	}
	baseSide.When = base.When
	errs = append(errs, baseErrs...)
	errs = append(errs, unreadAt(base, &baseSide, rep)...)

	baseRules := rulesAt(base)
	var headRules plans.Rules
	headMatrix := t.Repo.Matrix
	var headSide plans.Side
	var headCommit string
	var headSelf []string
	headInvalid := false
	if opts.Head == "" {
		if headRules, err = workTreeRules(root, baseRules); err != nil {
			return nil, err
		}
		for _, pr := range t.Unread {
			rep.Problem(pr)
		}
		var headErrs skills.Problems
		if headSide, headErrs, err = sides.read(headMatrix, t.Work, "the working tree", ""); err != nil {
			return nil, err
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
			return nil, &RevisionError{err}
		}
		headRules, headCommit, headSelf = rulesAt(head), head.Commit, head.Self
		var matrixErrs, headErrs skills.Problems
		headMatrix, matrixErrs = matrixAt(head, t.Repo.Matrix, rep)
		if matrixErrs != nil {
			matrixInvalid = revLabel(head)
		}
		if headSide, headErrs, err = sides.read(headMatrix, head.Files, revLabel(head), head.Rev+":"); err != nil {
			return nil, err
		}
		unread := unreadAt(head, &headSide, rep)
		headInvalid = matrixErrs != nil || headErrs != nil || unread != nil
		errs = append(append(append(errs, matrixErrs...), headErrs...), unread...)
	}
	// The summary is written with the base's templates: the head's come
	// with the change under review.
	tmpl, renderedWith := reviewTemplates(base, rep)
	r := plans.BuildReview(plans.ReviewInput{Matrix: headMatrix, BaseMatrix: baseMatrix, MatrixInvalid: matrixInvalid,
		Config: t.Repo.Config, Base: baseSide, Head: headSide, BaseRules: baseRules, HeadRules: headRules, RenderedWith: renderedWith})
	if opts.Head == "" {
		matches, _ := filepath.Glob(filepath.Join(root, selfreview.Dir, "*", "*.md"))
		for _, m := range matches {
			if rel, err := filepath.Rel(root, m); err == nil {
				headSelf = append(headSelf, filepath.ToSlash(rel))
			}
		}
	}
	r.SelfReviews = selfAdded(headSide.People, base.Self, headSelf)
	if err := notesCommits(snaps, r, base, headCommit, opts.Head == "", headSide); err != nil {
		return nil, err
	}
	return &Diff{Review: r, Errors: errs, Templates: tmpl, HeadInvalid: headInvalid}, nil
}

// selfAdded are the self-reviews of head that base does not have.
func selfAdded(people map[string]*skills.Person, base, head []string) []plans.SelfReviewAdded {
	had := map[string]bool{}
	for _, p := range base {
		had[p] = true
	}
	var out []plans.SelfReviewAdded
	for _, s := range selfreview.Added(head) {
		if had[s.Path] {
			continue
		}
		name := s.Person
		if p := people[s.Person]; p != nil && p.Name != "" {
			name = p.Name
		}
		out = append(out, plans.SelfReviewAdded{ID: s.Person, Name: name, Period: s.Period.String()})
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Period < out[j].Period || out[i].Period == out[j].Period && out[i].ID < out[j].ID
	})
	return out
}

func revLabel(s *history.Snapshot) string {
	if s.Commit == "" {
		return s.Rev + " (no commits)"
	}
	return fmt.Sprintf("%s (%s, %s)", s.Rev, s.Commit[:7], s.When.Format(time.DateOnly)) // the author's own day, as history shows it
}

// sideReader reads the sides of a review. Each file is read leniently, so
// a person stays in the review while their file has mistakes; the mistakes
// are reported, prefixed with the revision as git writes rev:path, and
// returned. The base and the head share almost every file, so a file is
// checked once: the head takes what the base found in a file of the same
// path and content, checked against an equal matrix. Files are checked in
// parallel and reported in order.
type sideReader struct {
	ctx context.Context
	rep Reporter
	// testHookNoReuse, set only by tests, checks every file of every side
	// again, the twin that reuse is compared with.
	testHookNoReuse bool
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
	reuse := !r.testHookNoReuse && r.last != nil && (m == r.lastMatrix || reflect.DeepEqual(m, r.lastMatrix))
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
			r.rep.Problem(pr)
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

// readFile checks a skill file against m as coach check does, and reads it
// leniently as the history does, from one decoding (skills.ReadPerson).
func readFile(path string, src []byte, m *skills.Matrix) *fileRead {
	r := skills.ReadPerson(path, src, m)
	f := &fileRead{src: src, person: r.Lenient}
	for _, pr := range r.Problems {
		if pr.Severity == skills.Error {
			f.invalid = append(f.invalid, pr)
		}
	}
	return f
}

// unreadAt reports the skill files of a revision that coach does not read
// (over the size limit, which the object's header tells before it is
// read) as problems at rev:path, and marks their people invalid on side.
func unreadAt(s *history.Snapshot, side *plans.Side, rep Reporter) skills.Problems {
	var out skills.Problems
	for _, pr := range s.Unread {
		if pr.Path == skills.MatrixFile {
			continue // see matrixAt
		}
		side.Invalid[skills.PersonID(pr.Path)] = true
		pr.Path = s.Rev + ":" + pr.Path
		rep.Problem(pr)
		out = append(out, pr)
	}
	return out
}

// matrixAt is the matrix of a revision: its matrix.toml, or the built-in
// matrix when it has none. A matrix with errors is reported as rev:path
// problems and replaced by fallback (the working tree's); invalid then
// holds them.
func matrixAt(s *history.Snapshot, fallback *skills.Matrix, rep Reporter) (m *skills.Matrix, invalid skills.Problems) {
	if s.Commit == "" {
		return fallback, nil // no commits yet: nothing to compare the matrix with
	}
	for _, pr := range s.Unread {
		if pr.Path == skills.MatrixFile {
			pr.Path = s.Rev + ":" + pr.Path
			rep.Problem(pr)
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
			rep.Problem(pr)
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

// rulesAt are the rules of a revision, from its files.
func rulesAt(s *history.Snapshot) plans.Rules {
	return plans.Rules{Matrix: s.Matrix, Config: s.Config, Templates: s.Templates, Recipients: RecipientsIn(s.Config), Code: s.Code}
}

// RecipientsIn are the [private] recipients of a coach.toml; none when it
// cannot be read (coach check reports why).
func RecipientsIn(config []byte) []string {
	if config == nil {
		return nil
	}
	cfg, _ := skills.DecodeConfig(skills.ConfigFile, config)
	return cfg.Private.Recipients
}

// workTreeRules are the working tree's rules. A template that is a
// symbolic link is compared by where it leads, never read through. A file
// that differs from base's only in CRLF line endings is base's: git on
// Windows (core.autocrlf) checks text out so and commits it back with LF,
// so it is no change (a trial's clean clone was alerted of edits to
// matrix.toml, coach.toml and the workflow).
func workTreeRules(root string, base plans.Rules) (plans.Rules, error) {
	r, err := workTreeRulesRaw(root, base.Code)
	if err != nil {
		return r, err
	}
	same := func(work, committed []byte) []byte {
		if committed != nil && !bytes.Equal(work, committed) && bytes.Equal(files.LF(work), committed) {
			return committed
		}
		return work
	}
	r.Matrix = same(r.Matrix, base.Matrix)
	r.Config = same(r.Config, base.Config)
	r.Recipients = RecipientsIn(r.Config)
	for name, data := range r.Templates {
		r.Templates[name] = same(data, base.Templates[name])
	}
	return r, nil
}

// workTreeRulesRaw is workTreeRules as the files are on disk; a file that
// runs as code and differs from base only in CRLF is hashed as git
// commits it.
func workTreeRulesRaw(root string, base map[string]string) (plans.Rules, error) {
	var r plans.Rules
	var err error
	if r.Matrix, err = readBounded(filepath.Join(root, skills.MatrixFile), skills.MatrixFile, skills.MaxMatrixSize, "the matrix"); err != nil {
		return r, err
	}
	if r.Config, err = readBounded(filepath.Join(root, skills.ConfigFile), skills.ConfigFile, skills.MaxConfigSize, skills.ConfigFile); err != nil {
		return r, err
	}
	r.Recipients = RecipientsIn(r.Config)
	r.Templates = map[string][]byte{}
	dir := filepath.Join(root, templates.Dir)
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		return r, fmt.Errorf("read %s/: %w", templates.Dir, err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".tmpl") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if e.Type()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			if err != nil {
				return r, fmt.Errorf("read %s/%s: %w", templates.Dir, e.Name(), err)
			}
			r.Templates[e.Name()] = []byte("symbolic link to " + target)
			continue
		}
		if !e.Type().IsRegular() {
			continue
		}
		if r.Templates[e.Name()], err = readBounded(p, templates.Dir+"/"+e.Name(), skills.MaxTemplateSize, "a template"); err != nil {
			return r, err
		}
	}
	r.Code = map[string]string{}
	for _, dir := range []string{"hooks", ".github/workflows"} {
		if err := codeHashes(root, dir, r.Code, base); err != nil {
			return r, err
		}
	}
	return r, nil
}

// maxCode bounds a file that runs as code, read only to be hashed.
const maxCode = 1 << 20

// codeHashes adds the files of the working tree's dir to code, by path, as
// git's blob hash of what git would commit: a file's content, a link's
// target. A file over maxCode is hashed by its size alone, which still
// differs from any version of it git holds within the limit.
func codeHashes(root, dir string, code, base map[string]string) error {
	entries, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(dir)))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read %s/: %w", dir, err)
	}
	for _, e := range entries {
		p := filepath.Join(root, filepath.FromSlash(dir), e.Name())
		var data []byte
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return fmt.Errorf("read %s/%s: %w", dir, e.Name(), err)
			}
			data = []byte(target)
		case e.Type().IsRegular():
			if data, err = readBounded(p, dir+"/"+e.Name(), maxCode, "a file"); err != nil {
				var over *skills.ProblemsError
				if !errors.As(err, &over) {
					return err
				}
				data = []byte(fmt.Sprintf("over %d bytes", maxCode))
			}
		default:
			continue
		}
		path := dir + "/" + e.Name()
		code[path] = plumbing.ComputeHash(plumbing.BlobObject, data).String()
		if code[path] != base[path] && bytes.Contains(data, []byte("\r\n")) {
			if lf := plumbing.ComputeHash(plumbing.BlobObject, files.LF(data)).String(); lf == base[path] {
				code[path] = lf
			}
		}
	}
	return nil
}

// readBounded reads an optional file of the working tree, nil when there
// is none, refusing one over max before reading it.
func readBounded(file, name string, max int64, what string) ([]byte, error) {
	f, err := os.Open(file)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > max {
		return nil, &skills.ProblemsError{Problems: skills.Problems{*skills.SizeProblem(name, int64(len(data)), int(max), what)}}
	}
	return data, nil
}

// reviewTemplates are the templates a review is written with: the base
// revision's, or the built-in ones when the base has no commits or its
// templates do not load (with a warning). It returns them with the name of
// whose they are.
func reviewTemplates(base *history.Snapshot, rep Reporter) (*templates.Set, string) {
	if base.Commit != "" {
		set, err := templates.LoadFiles(base.Templates, base.Rev+":")
		if err == nil {
			return set, "the templates of " + revLabel(base)
		}
		rep.Warnf("the templates of %s do not load, so the summary is written with the built-in ones: %v", base.Rev, err)
	}
	set, err := templates.Load(nil)
	if err != nil {
		panic(err) // the built-in templates are tested: a bug in coach
	}
	return set, "the built-in templates"
}

// notesCommits fills in who changed each person's private notes: the
// commits after base up to the head that changed them, and whether the
// working tree changes them again.
func notesCommits(snaps *history.Snapshots, r *plans.Review, base *history.Snapshot, headCommit string, workTree bool, head plans.Side) error {
	var atHead *history.Snapshot
	for i := range r.People {
		pr := &r.People[i]
		if pr.Notes == nil {
			continue
		}
		commit := headCommit
		if workTree {
			if atHead == nil {
				var err error
				if atHead, err = snaps.At("HEAD"); err != nil {
					return &RevisionError{err}
				}
			}
			commit = atHead.Commit
			was := ""
			if src, ok := atHead.Files[pr.Path]; ok {
				if p, err := skills.ParsePerson(pr.Path, src); err == nil {
					was = p.Notes
				}
			}
			if p := head.People[pr.ID]; p != nil && p.Notes != was {
				pr.Notes.Uncommitted = true
			}
		}
		if commit == "" || commit == base.Commit {
			continue
		}
		found, complete, err := snaps.Between(base.Commit, commit, pr.Path)
		if err != nil {
			return err
		}
		pr.Notes.Incomplete = !complete
		for _, c := range found {
			before, after := notesOf(pr.Path, c.Before), notesOf(pr.Path, c.After)
			if before == after {
				continue
			}
			pr.Notes.Commits = append(pr.Notes.Commits, plans.NotesCommit{Commit: c.Commit, Committer: c.Committer,
				CommitterEmail: c.CommitterEmail, Author: c.Author, AuthorEmail: c.AuthorEmail})
		}
	}
	return nil
}

func notesOf(path string, src []byte) string {
	if src == nil {
		return ""
	}
	p, err := skills.ParsePerson(path, src)
	if err != nil {
		return "unreadable"
	}
	return p.Notes
}
