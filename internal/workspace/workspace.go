// Package workspace is coach's one way into a coaching repository: it finds
// the repository, reads its files from the work tree or the git index,
// loads the settings, the matrix and the people through package skills,
// attaches the history that package history reads from the commits, and
// builds plans with package plans and templates. Every command of cmd/coach
// opens a [Workspace] and renders what it holds.
//
// Reading and writing files happens here and in the loaders of skills and
// history; plans and templates stay free of I/O. Long work reports its
// progress through a [Progress], which the command draws on the terminal.
package workspace

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/coach-dev/coach/history"
	"github.com/coach-dev/coach/internal/parallel"
	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/coach-dev/coach/templates"
	"github.com/go-git/go-git/v5/plumbing"
)

// Progress shows a command's long work, one piece at a time. Its methods
// may be called from any goroutine.
type Progress interface {
	// Begin starts a piece of work of total units (0: not known), ending
	// the one before.
	Begin(desc, units string, total int)
	// Add counts n more units of work done.
	Add(n int)
	// End ends the piece of work in hand; it may be called more than once.
	End()
	// History begins reading the history and returns the walk's callback,
	// nil when nothing is shown; End must be called after the walk.
	History() func(history.Progress)
}

// silent is the Progress of a command that shows none.
type silent struct{}

func (silent) Begin(string, string, int)       {}
func (silent) Add(int)                         {}
func (silent) End()                            {}
func (silent) History() func(history.Progress) { return nil }

// Options say which repository to open and what to read of it.
type Options struct {
	// Dir is a directory in the repository (-C).
	Dir string
	// Staged reads the coaching files as they are staged in the git index,
	// what the next commit will hold, instead of the work tree.
	Staged bool
	// History reads the history from the commits.
	History bool
	// Progress shows the long work; nil shows none.
	Progress Progress
	// Workers is how many plans are built at once; 0 means GOMAXPROCS.
	Workers int
}

// Workspace is a coaching repository opened for a command: its files,
// history and templates.
type Workspace struct {
	Repo *skills.Repo
	// Own is each person's history (by today's id), newest first.
	Own map[string][]skills.Change
	// head is the skill files committed at HEAD, by hash; nil without git.
	head *committed
	// snaps is the repository head reads from, open until Close.
	snaps *history.Snapshots
	// Latest is the newest commit that changed each person's file.
	Latest map[string]string
	// Unread is why the history could not be read, when git is there but
	// coach cannot read it (sha256): plans go on without progress.
	Unread    error
	Templates *templates.Set
	// Prefix is the coaching folder's path in the git repository ("" at
	// its root, or without git).
	Prefix string
	// Workers is how many plans are built at once; 0 means GOMAXPROCS.
	Workers int
	// Feedback are the dates of the peer feedback about each person, which
	// plans count.
	Feedback map[string][]string

	progress Progress
	// past are the workspaces of the repository as it stood on the days
	// of past 1:1s, by day (see On); commit is the commit a workspace of
	// a past state reads, "" for today's.
	past   map[string]*Workspace
	commit string
	// plans are the plans agendas were built from, by id (see agendaPlan).
	plans map[string]*plans.Plan
	// tries are the ideas to try of the agendas built on this workspace's
	// day, with their questions, by week and id (see taken).
	tries map[string]weekKeys
	index *plans.TeamIndex
	// indexOnce builds index, for the first of the plans built in
	// parallel that needs it.
	indexOnce sync.Once
}

// Close releases what the workspace holds: the mapped packs that the
// committed versions of skill files are read from.
func (w *Workspace) Close() {
	if w != nil && w.snaps != nil {
		w.snaps.Close()
		w.snaps = nil
	}
}

// Load finds the repository holding dir and loads it, with every problem
// of its files in Repo.Problems.
func Load(dir string) (*skills.Repo, error) {
	root, err := skills.FindRoot(dir)
	if err != nil {
		return nil, err
	}
	return skills.Load(root)
}

// LoadMatrix loads the repository and requires its matrix to be valid.
func LoadMatrix(dir string) (*skills.Repo, error) {
	repo, err := Load(dir)
	if err != nil {
		return nil, err
	}
	var bad skills.Problems
	for _, p := range repo.Problems {
		if p.Severity == skills.Error && p.Path == repo.MatrixPath {
			bad = append(bad, p)
		}
	}
	if len(bad) > 0 || repo.Matrix == nil {
		return nil, &skills.ProblemsError{Problems: bad}
	}
	return repo, nil
}

// LoadSome is Load reading only the skill files of the people want accepts
// (nil: everyone's), as skills.LoadSome does: a command about one person
// in an organisation of thousands.
func LoadSome(dir string, want func(id string) bool) (*skills.Repo, error) {
	root, err := skills.FindRoot(dir)
	if err != nil {
		return nil, err
	}
	return skills.LoadSome(root, want)
}

// LoadStaged loads the coaching files as they are staged in the git index
// of the repository holding dir, what the next commit will hold, through
// the loader that reads the work tree (skills.LoadFS): Repo.Root is the
// repository's root, and Repo.FS the index's files.
func LoadStaged(dir string) (*skills.Repo, error) {
	root, err := skills.FindRoot(dir)
	if err != nil {
		return nil, err
	}
	staged, err := history.StagedFiles(root)
	if err != nil {
		return nil, err
	}
	return skills.LoadFS(root, skills.MapFS(staged))
}

// Open opens the repository as opts say, for a command that writes plans,
// agendas or team views. Any error in a skill file stops it too, as an
// *InvalidError: every plan and team view depends on the whole team
// (mentors, calibration, the org tree), and leaving one person out would
// rewrite the others as if they had left. Close must be called when done.
func Open(ctx context.Context, opts Options) (*Workspace, error) {
	w, err := OpenFiles(ctx, opts)
	if err != nil {
		return nil, err
	}
	if err := invalid(w.Repo, w.Prefix); err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

// OpenFiles is Open stopping only at errors in the matrix or coach.toml.
func OpenFiles(ctx context.Context, opts Options) (*Workspace, error) {
	var (
		repo *skills.Repo
		root string
		err  error
	)
	w := &Workspace{progress: opts.Progress, Workers: opts.Workers}
	if w.progress == nil {
		w.progress = silent{}
	}
	// The history is read while the work tree's files load: neither needs
	// the other, and at thousands of people each takes a good part of a
	// second. wait returns its error once it is done.
	wait := func() error { return nil }
	if root, err = skills.FindRoot(opts.Dir); err == nil {
		if opts.History {
			done := make(chan error, 1)
			go func() { done <- w.readHistory(ctx, root) }()
			wait = sync.OnceValue(func() error { return <-done })
		}
		if opts.Staged {
			repo, err = LoadStaged(root)
		} else {
			repo, err = skills.Load(root)
		}
	}
	if err != nil {
		wait()
		return nil, err
	}
	w.Repo = repo
	w.Prefix = GitPrefix(root)
	if err := Settings(repo); err != nil {
		wait()
		w.Close()
		return nil, err
	}
	if err := wait(); err != nil {
		w.Close()
		return nil, err
	}
	if w.Feedback, err = FeedbackDates(repo.Root); err != nil {
		w.Close()
		return nil, err
	}
	tmplFS, err := templatesDir(repo)
	if err == nil {
		w.Templates, err = templates.Load(tmplFS)
	}
	if err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

// Settings returns the errors in the matrix or coach.toml of repo, which
// stop every command, as a *skills.ProblemsError; nil when there is none.
func Settings(repo *skills.Repo) error {
	var shared skills.Problems
	for _, p := range repo.Problems {
		if p.Severity == skills.Error && (p.Path == repo.MatrixPath || p.Path == skills.ConfigFile) {
			shared = append(shared, p)
		}
	}
	if len(shared) > 0 || repo.Matrix == nil {
		return &skills.ProblemsError{Problems: shared}
	}
	return nil
}

// InvalidError is the errors in a repository's skill files that stop
// every command writing plans, agendas or team views.
type InvalidError struct {
	Problems skills.Problems
	// Prefix is the coaching folder's path in the git repository.
	Prefix string
}

func (e *InvalidError) Error() string {
	return (&skills.ProblemsError{Problems: e.Problems}).Error() + "\n" + e.Summary()
}

// Summary names the files with errors and why nothing was written.
func (e *InvalidError) Summary() string {
	var files []string
	for _, p := range e.Problems {
		if f := skills.EscapePath(p.Path); !slices.Contains(files, f) {
			files = append(files, f)
		}
	}
	verb := "has"
	if len(files) > 1 {
		verb = "have"
	}
	return fmt.Sprintf("%s %s errors; nothing was written: plans, agendas and team views depend on the whole team", strings.Join(files, ", "), verb)
}

// invalid returns an *InvalidError with every error in the repository's
// skill files, or nil when there is none.
func invalid(repo *skills.Repo, prefix string) error {
	var errs skills.Problems
	for _, p := range repo.Problems {
		if p.Severity == skills.Error && strings.HasPrefix(p.Path, skills.SkillsDir+"/") {
			errs = append(errs, p)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return &InvalidError{Problems: errs, Prefix: prefix}
}

// templatesDir is the repository's templates/, nil when there is none, and
// a problem when it is a symbolic link out of the repository.
func templatesDir(repo *skills.Repo) (fs.FS, error) {
	if !repo.InMemory() {
		if p, err := skills.LinkedOutside(repo.Root, templates.Dir); p != nil || err != nil {
			if p != nil {
				err = &skills.ProblemsError{Problems: skills.Problems{*p}}
			}
			return nil, err
		}
	}
	if fi, err := fs.Stat(repo.FS(), templates.Dir); err == nil && fi.IsDir() {
		return fs.Sub(repo.FS(), templates.Dir)
	}
	return nil, nil
}

// readHistory reads the history of the repository at gitRoot, and the skill
// files committed at HEAD. Without git, or in a repository coach cannot read
// (sha256), plans go on without progress; the reason is kept in w.Unread.
func (w *Workspace) readHistory(ctx context.Context, gitRoot string) error {
	// HEAD's files are read alongside: their error counts only once the
	// history has been read without one.
	type snapshot struct {
		s   *history.Snapshot
		err error
	}
	headc := make(chan snapshot, 1)
	var snaps *history.Snapshots
	go func() {
		var s *history.Snapshot
		var err error
		if snaps, err = history.OpenSnapshots(gitRoot); err == nil {
			s, err = snaps.HashesAt("")
		}
		headc <- snapshot{s, err}
	}()
	res, err := history.ReadContext(ctx, gitRoot, history.Options{Stream: true, Progress: w.progress.History()})
	w.progress.End()
	head := <-headc
	if snaps != nil {
		w.snaps = snaps
	}
	switch {
	case errors.Is(err, history.ErrNotGit):
		// No git, no progress: plans say so.
	case errors.Is(err, history.ErrSHA256), errors.Is(err, history.ErrUnsupported):
		// A repository coach cannot read: the files still make plans and
		// agendas, and the command tells the user once why they show no
		// progress.
		w.Unread = err
	case err != nil:
		return err
	case res.Incomplete:
		// A plan's progress compares with what was committed before its
		// period: from part of the history it would be wrong, and --check
		// would call every committed plan stale.
		return &IncompleteError{note: res.Notes[0]}
	default:
		// Grouped once: ForPerson for each of 2,000 people was 2,000 passes
		// over everyone's changes.
		w.Own, w.Latest = res.ByPerson(), res.Latest
		if head.err != nil {
			return head.err
		}
		w.head = &committed{snaps: snaps, snap: head.s}
	}
	return nil
}

// IncompleteError is a history that stops short, for a command that needs
// all of it. It matches history.ErrIncomplete with errors.Is.
type IncompleteError struct{ note string }

func (e *IncompleteError) Error() string {
	return "plans, agendas and the team view need the whole history of skills/, and this clone's stops short: " + e.note
}

// Is makes errors.Is(err, history.ErrIncomplete) true.
func (e *IncompleteError) Is(target error) bool { return target == history.ErrIncomplete }

// People resolves the ids asked for (everyone when ids is empty).
func (w *Workspace) People(ids []string) ([]*skills.Person, error) {
	if len(ids) == 0 {
		return w.Repo.People, nil
	}
	var chosen []*skills.Person
	for _, id := range ids {
		p, err := w.Repo.Person(id)
		if err != nil {
			return nil, err
		}
		chosen = append(chosen, p)
	}
	return chosen, nil
}

// Plan builds p's plan. Its history is the committed history of p's file
// before its latest change, so that committing the file with its plan
// changes nothing in the plan. It may be called from many goroutines.
func (w *Workspace) Plan(p *skills.Person) (*plans.Plan, error) {
	own, err := w.PlanHistory(p)
	if err != nil {
		return nil, err
	}
	return plans.Build(plans.Input{Matrix: w.Repo.Matrix, Config: w.Repo.Config, Person: p, Team: w.Repo.People,
		Index: w.TeamIndex(), History: own, Feedback: w.Feedback[p.ID]})
}

// PlanHistory is the history p's plan is built from: the committed history
// of p's file before its latest change (see plans.Committed).
func (w *Workspace) PlanHistory(p *skills.Person) ([]skills.Change, error) {
	if w.commit != "" {
		return w.pastPlanHistory(p), nil
	}
	own := w.Own[p.ID]
	if w.head != nil {
		current, err := fs.ReadFile(w.Repo.FS(), p.Path)
		if err != nil {
			return nil, err
		}
		head, err := w.head.file(p.Path, current)
		if err != nil {
			return nil, err
		}
		own = plans.Committed(own, current, head, w.Latest[p.ID])
	}
	return own, nil
}

// committed is the skill files committed at HEAD, read only where the work
// tree's differs: at thousands of people, almost none does.
type committed struct {
	mu    sync.Mutex // snaps is for one goroutine at a time
	snaps *history.Snapshots
	snap  *history.Snapshot
}

// file returns the version of file committed at HEAD, nil when it has none
// coach reads; current when the work tree's is that version.
func (c *committed) file(file string, current []byte) ([]byte, error) {
	h, ok := c.snap.Hashes[file]
	if !ok {
		return nil, nil
	}
	if plumbing.ComputeHash(plumbing.BlobObject, current) == h {
		return current, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	data, err := c.snaps.Blob(file, h)
	if large := (*history.TooLargeError)(nil); errors.As(err, &large) {
		return nil, nil // a version too large to read is not the work tree's
	}
	return data, err
}

// TeamIndex is what every plan reads of the whole team, computed once.
func (w *Workspace) TeamIndex() *plans.TeamIndex {
	w.indexOnce.Do(func() { w.index = plans.IndexTeamWith(w.Repo.Matrix, w.Repo.Config, w.Repo.People, w.Own) })
	return w.index
}

// BuiltPlan is a person's plan and, when it was rendered, its Markdown.
type BuiltPlan struct {
	Plan    *plans.Plan
	Content []byte
}

// BuildPlans builds (and with render, renders) the plans of people in
// parallel, in their order; the error is the first person's, in order,
// whose plan failed, with the plans of those before.
func (w *Workspace) BuildPlans(ctx context.Context, people []*skills.Person, render bool) ([]BuiltPlan, error) {
	out := make([]BuiltPlan, 0, len(people))
	err := w.EachPlan(ctx, people, render, func(_ *skills.Person, b BuiltPlan) error {
		out = append(out, b)
		return nil
	})
	return out, err
}

// EachPlan builds and renders the plans of people in parallel and calls f
// on each in their order, a window at a time (see parallel.Windows): a
// rendered plan can be templates.MaxOutput bytes, and holding every plan of
// --all took 1.9 GB for 150 plans near that limit. It stops at the first
// error of f, or after calling f on the plans before the first that failed
// to build, with that error.
func (w *Workspace) EachPlan(ctx context.Context, people []*skills.Person, render bool, f func(*skills.Person, BuiltPlan) error) error {
	w.progress.Begin("building plans", "plans", len(people))
	defer w.progress.End()
	return parallel.Windows(ctx, w.Workers, people, func(p *skills.Person) (BuiltPlan, error) {
		defer w.progress.Add(1)
		pl, err := w.Plan(p)
		if err != nil || !render {
			return BuiltPlan{Plan: pl}, err
		}
		content, err := w.Render(p, pl)
		return BuiltPlan{pl, content}, err
	}, f)
}

// Render renders p's plan with its marker line.
func (w *Workspace) Render(p *skills.Person, pl *plans.Plan) ([]byte, error) {
	body, err := w.Templates.Render("plan.md.tmpl", pl)
	if err != nil {
		return nil, err
	}
	return append([]byte(plans.Marker(p.Path)+"\n"), pl.OnceInFull(body)...), nil
}

// OrphanPlans lists plans/*.md whose person has no skill file.
func (w *Workspace) OrphanPlans() ([]string, error) {
	matches, err := fs.Glob(w.Repo.FS(), "plans/*.md")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range matches {
		id := strings.TrimSuffix(path.Base(m), ".md")
		if _, err := fs.Stat(w.Repo.FS(), skills.SkillsDir+"/"+id+".toml"); errors.Is(err, fs.ErrNotExist) {
			out = append(out, m)
		}
	}
	return out, nil
}

// GitPrefix is the path of root inside the git work tree that holds it,
// with slashes ("" at the work tree's root, or when there is no git
// repository).
func GitPrefix(root string) string {
	abs, err := filepath.Abs(root)
	if err != nil {
		return ""
	}
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			rel, err := filepath.Rel(d, abs)
			if err != nil || rel == "." {
				return ""
			}
			return filepath.ToSlash(rel)
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}
