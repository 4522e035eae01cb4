package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/aymanbagabas/go-udiff"
	"github.com/coach-dev/coach/history"
	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/coach-dev/coach/templates"
	"github.com/urfave/cli/v2"
)

type planOptions struct {
	Dir    string
	People []string
	All    bool
	Stdout bool
	Format string
	Check  bool
	Force  bool
	Staged bool
	// Private prints the plan with the person's decrypted private notes to
	// the terminal, and writes nothing (cmd_notes.go).
	Private private
	// Workers is how many plans are built at once; 0 means GOMAXPROCS.
	Workers int
}

func newPlanCommand(stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "plan",
		Usage:     "write individual development plans to plans/NAME.md",
		ArgsUsage: "NAME... | --all",
		Description: `plan computes a person's individual development plan from their skill file,
the matrix and their history in git, and writes it to plans/NAME.md: role and
target, readiness, the shifts of the move, focus skills (pinned ones first,
then ranked by gap weighted by the target role's persona emphasis) with why,
where they are, the next level, actions with their evidence and a coaching
question, skills to assess first, strengths and who they could mentor,
self-assessments that differ from the manager's, goals, and progress since
plan_start. [private] notes never reach a plan. The same inputs give the same
bytes; a plan file whose first line is no longer coach's marker was edited by
hand and is not overwritten without --force.

A plan depends only on what the commit holding it will contain: the matrix,
coach.toml, the templates, the skill file and the history of the skill file
before its latest change. Its "today" is the file's assessed date (else its
latest evidence), never the clock or a commit's date, so committing a skill
file with its plan, in any commit, merge, squash or rebase, keeps
--check green.

--check compares the committed plans with what they should be; with
--staged it reads the skill files and plans staged in the git index, what
the next commit will hold (the pre-commit hook), and with --format github it
writes each stale plan as a GitHub Actions annotation on stdout.

Every plan depends on the whole team (mentors, calibration, the org tree),
so while any skill file has errors no plan is written or checked: the errors
are listed (as annotations with --format github), and coach check says when
they are fixed. plan, agenda and team all work this way.

A repository's templates/plan.md.tmpl replaces the built-in template.

Examples:
   coach plan alice
   coach plan --all
   coach plan --all --check        # in CI: exit 1 with a diff when a plan is stale
   coach plan --all --check --staged
   coach plan alice --stdout
   coach plan alice --private      # with the private notes, on the terminal only

Exit status: 0 ok, 1 a skill file with errors, an unknown person, a stale
plan (--check) or a plan left alone (hand-edited, read-only, or changed
while coach wrote it; --all writes the others first), 2 wrong usage, 130
interrupted.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "all", Usage: "everyone with a skill file"},
			&cli.BoolFlag{Name: "stdout", Usage: "print the plan instead of writing it"},
			formatFlag("md", "json", "github"),
			&cli.BoolFlag{Name: "check", Usage: "compare with the committed plans; write nothing"},
			&cli.BoolFlag{Name: "staged", Usage: "with --check: read the files staged in the git index"},
			&cli.BoolFlag{Name: "force", Usage: "overwrite a plan that was edited by hand"},
			&cli.BoolFlag{Name: "private", Usage: "print the plan with the private notes to the terminal; write nothing"},
			&cli.StringSliceFlag{Name: "identity", Aliases: []string{"i"}, Usage: "with --private: read your age identity from `FILE`"},
			&cli.BoolFlag{Name: "pipe", Usage: "with --private: print even when stdout is not a terminal"},
		},
		Action: func(c *cli.Context) error {
			opts := planOptions{Dir: repoDir(c), People: c.Args().Slice(), All: c.Bool("all"), Stdout: c.Bool("stdout"),
				Format: c.String("format"), Check: c.Bool("check"), Force: c.Bool("force"), Staged: c.Bool("staged"),
				Private: private{On: c.Bool("private"), Identities: c.StringSlice("identity"), Pipe: c.Bool("pipe")}}
			if err := opts.Private.usage(opts); err != nil {
				return err
			}
			if err := namesOrAll("plan", opts.People, opts.All); err != nil {
				return err
			}
			switch {
			case opts.Check && (opts.Stdout || opts.Force):
				return usagef("--check writes nothing; it does not go with --stdout or --force")
			case opts.Staged && !opts.Check:
				return usagef("--staged reads the git index, which coach never writes; use it with --check")
			case opts.Format == "github" && !opts.Check:
				return usagef("--format github reports stale plans; use it with --check")
			}
			if err := checkFormat(opts.Format, "md", "json", "github"); err != nil {
				return err
			}
			return runPlan(c.Context, opts, stdout, stderr)
		},
	}
}

// team is what every generating command needs: the repository, its history
// and its templates.
type team struct {
	repo   *skills.Repo
	own    map[string][]skills.Change // each person's history (today's id), newest first
	head   *history.Snapshot          // the skill files committed at HEAD; nil without git
	latest map[string]string          // the newest commit that changed each person's file
	unread error                      // why the history could not be read, when git is there
	tmpl   *templates.Set
	index  *plans.TeamIndex
	// indexOnce builds index, for the first of the plans built in
	// parallel that needs it.
	indexOnce sync.Once
	cleanup   func()
	prefix    string    // the coaching folder's path in the git repository
	progress  *progress // the command's progress on stderr (progress.go)
	workers   int       // how many plans are built at once; 0: GOMAXPROCS
}

// loadRepo finds the repository holding dir and loads it.
func loadRepo(dir string) (*skills.Repo, error) {
	root, err := skills.FindRoot(dir)
	if err != nil {
		return nil, err
	}
	return skills.Load(root)
}

// loadStaged loads the coaching files as they are staged in the git index
// of the repository holding dir, from a private copy that cleanup removes;
// repo.Root is that copy, gitRoot the repository's own root.
func loadStaged(dir string) (repo *skills.Repo, gitRoot string, cleanup func(), err error) {
	gitRoot, err = skills.FindRoot(dir)
	if err != nil {
		return nil, "", nil, err
	}
	tmp, err := os.MkdirTemp("", "coach-staged-")
	if err != nil {
		return nil, "", nil, err
	}
	cleanup = func() { os.RemoveAll(tmp) }
	if _, err := history.CheckoutIndex(gitRoot, tmp); err != nil {
		cleanup()
		return nil, "", nil, err
	}
	if repo, err = skills.Load(tmp); err != nil {
		cleanup()
		return nil, "", nil, err
	}
	return repo, gitRoot, cleanup, nil
}

// loadTeamFrom loads the team from the working tree, or with staged from
// the git index; t.cleanup must be called when done.
func loadTeamFrom(ctx context.Context, dir string, staged bool, stderr io.Writer) (*team, error) {
	return loadTeamWith(ctx, dir, staged, true, stderr)
}

// loadTeamWith is loadTeamFrom, reading the history only with withHistory.
// Any error in a skill file stops it too: every plan and team view depends
// on the whole team (mentors, calibration, the org tree), and leaving one
// person out would rewrite the others as if they had left.
func loadTeamWith(ctx context.Context, dir string, staged, withHistory bool, stderr io.Writer) (*team, error) {
	t, err := loadTeamFiles(ctx, dir, staged, withHistory, stderr)
	if err != nil {
		return nil, err
	}
	if err := teamErrors(t.repo, t.prefix); err != nil {
		t.cleanup()
		return nil, err
	}
	return t, nil
}

// loadTeamFiles is loadTeamWith stopping only at errors in the matrix or
// coach.toml, as loadReview does.
func loadTeamFiles(ctx context.Context, dir string, staged, withHistory bool, stderr io.Writer) (*team, error) {
	var (
		repo    *skills.Repo
		gitRoot string
		err     error
	)
	t := &team{cleanup: func() {}, progress: newProgress(stderr)}
	// The history is read while the work tree's files load: neither needs
	// the other, and at thousands of people each takes a good part of a
	// second. wait returns its error once it is done.
	wait := func() error { return nil }
	if staged {
		repo, gitRoot, t.cleanup, err = loadStaged(dir)
		if err == nil && withHistory {
			wait = func() error { return t.readHistory(ctx, gitRoot) }
		}
	} else {
		var root string
		if root, err = skills.FindRoot(dir); err == nil {
			gitRoot = root
			if withHistory {
				done := make(chan error, 1)
				go func() { done <- t.readHistory(ctx, root) }()
				wait = sync.OnceValue(func() error { return <-done })
			}
			repo, err = skills.Load(root)
		}
	}
	if err != nil {
		wait()
		return nil, err
	}
	root := repo.Root
	t.repo = repo
	t.prefix = gitPrefix(gitRoot)
	// Errors in the matrix or coach.toml stop every command.
	var shared skills.Problems
	for _, p := range repo.Problems {
		if p.Severity == skills.Error && (p.Path == repo.MatrixPath || p.Path == skills.ConfigFile) {
			shared = append(shared, p)
		}
	}
	if len(shared) > 0 || repo.Matrix == nil {
		wait()
		t.cleanup()
		return nil, &skills.ProblemsError{Problems: shared}
	}
	if err := wait(); err != nil {
		t.cleanup()
		return nil, err
	}
	tmplFS, err := templatesDir(root)
	if err == nil {
		t.tmpl, err = templates.Load(tmplFS)
	}
	if err != nil {
		t.cleanup()
		return nil, err
	}
	return t, nil
}

// teamInvalidError is the errors in a repository's files that stop every
// command writing plans, agendas or team views.
type teamInvalidError struct {
	problems skills.Problems
	prefix   string // the coaching folder's path in the git repository
}

// annotateInvalid writes the errors of a *teamInvalidError as GitHub
// annotations on stdout with --format github, as coach check does, so that
// a --check in CI shows them on the lines of the pull request.
func annotateInvalid(err error, format string, stdout io.Writer) {
	var invalid *teamInvalidError
	if format != "github" || !errors.As(err, &invalid) {
		return
	}
	for _, p := range invalid.problems {
		fmt.Fprintln(stdout, annotation(p, invalid.prefix))
	}
}

func (e *teamInvalidError) Error() string {
	return (&skills.ProblemsError{Problems: e.problems}).Error() + "\n" + e.summary()
}

// summary names the files with errors and why nothing was written.
func (e *teamInvalidError) summary() string {
	var files []string
	for _, p := range e.problems {
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

// teamErrors returns a *teamInvalidError with every error in the
// repository's skill files, or nil when there is none.
func teamErrors(repo *skills.Repo, prefix string) error {
	var errs skills.Problems
	for _, p := range repo.Problems {
		if p.Severity == skills.Error && strings.HasPrefix(p.Path, skills.SkillsDir+"/") {
			errs = append(errs, p)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return &teamInvalidError{problems: errs, prefix: prefix}
}

// templatesDir is the repository's templates/, nil when there is none, and
// a problem when it is a symbolic link out of the repository.
func templatesDir(root string) (fs.FS, error) {
	if p, err := skills.LinkedOutside(root, templates.Dir); p != nil || err != nil {
		if p != nil {
			err = &skills.ProblemsError{Problems: skills.Problems{*p}}
		}
		return nil, err
	}
	if fi, err := os.Stat(filepath.Join(root, templates.Dir)); err == nil && fi.IsDir() {
		return os.DirFS(filepath.Join(root, templates.Dir)), nil
	}
	return nil, nil
}

// readHistory reads the history of the repository at gitRoot, and the skill
// files committed at HEAD. Without git, or in a repository coach cannot read
// (sha256), plans go on without progress; the reason is kept in t.unread.
func (t *team) readHistory(ctx context.Context, gitRoot string) error {
	// HEAD's files are read alongside: their error counts only once the
	// history has been read without one.
	type snapshot struct {
		s   *history.Snapshot
		err error
	}
	headc := make(chan snapshot, 1)
	go func() {
		s, err := history.FilesAt(gitRoot, "")
		headc <- snapshot{s, err}
	}()
	res, err := history.ReadContext(ctx, gitRoot, history.Options{Stream: true, Progress: t.progress.history()})
	t.progress.end()
	head := <-headc
	switch {
	case errors.Is(err, history.ErrNotGit):
		// No git, no progress: plans say so.
	case errors.Is(err, history.ErrSHA256), errors.Is(err, history.ErrUnsupported):
		// A repository coach cannot read: the files still make plans and
		// agendas, and loadPeople tells the user once why they show no
		// progress.
		t.unread = err
	case err != nil:
		return err
	case res.Incomplete:
		// A plan's progress compares with what was committed before its
		// period: from part of the history it would be wrong, and --check
		// would call every committed plan stale.
		return &incompleteError{note: res.Notes[0]}
	default:
		// Grouped once: ForPerson for each of 2,000 people was 2,000 passes
		// over everyone's changes.
		t.own, t.latest = res.ByPerson(), res.Latest
		if head.err != nil {
			return head.err
		}
		t.head = head.s
	}
	return nil
}

// incompleteError is a history that stops short, for a command that needs
// all of it.
type incompleteError struct{ note string }

func (e *incompleteError) Error() string {
	return "plans, agendas and the team view need the whole history of skills/, and this clone's stops short: " + e.note
}

func (e *incompleteError) Is(target error) bool { return target == history.ErrIncomplete }

// people resolves the ids asked for (all when ids is empty). Every file is
// valid: loadTeamWith refuses a team with errors.
func (t *team) people(ids []string) ([]*skills.Person, error) {
	if len(ids) == 0 {
		return t.repo.People, nil
	}
	var chosen []*skills.Person
	for _, id := range ids {
		p, err := t.repo.Person(id)
		if err != nil {
			return nil, err
		}
		chosen = append(chosen, p)
	}
	return chosen, nil
}

// plan builds p's plan. Its history is the committed history of p's file
// before its latest change, so that committing the file with its plan
// changes nothing in the plan.
func (t *team) plan(p *skills.Person) (*plans.Plan, error) {
	own := t.own[p.ID]
	if t.head != nil {
		current, err := os.ReadFile(filepath.Join(t.repo.Root, filepath.FromSlash(p.Path)))
		if err != nil {
			return nil, err
		}
		own = plans.Committed(own, current, t.head.Files[p.Path], t.latest[p.ID])
	}
	return plans.Build(plans.Input{Matrix: t.repo.Matrix, Config: t.repo.Config, Person: p, Team: t.repo.People,
		Index: t.teamIndex(), History: own})
}

// teamIndex is what every plan reads of the whole team, computed once. t.plan
// may be called from many goroutines: nothing else of t is written then.
func (t *team) teamIndex() *plans.TeamIndex {
	t.indexOnce.Do(func() { t.index = plans.IndexTeamWith(t.repo.Matrix, t.repo.Config, t.repo.People, t.own) })
	return t.index
}

// builtPlan is a person's plan and, unless it is for JSON, its Markdown.
type builtPlan struct {
	plan    *plans.Plan
	content []byte
}

// buildPlans builds and renders the plans of people in parallel, in their
// order, showing progress; the error is the first person's, in order, whose
// plan failed, with the plans of those before (see inParallel).
func (t *team) buildPlans(ctx context.Context, people []*skills.Person, render bool) ([]builtPlan, error) {
	out := make([]builtPlan, 0, len(people))
	err := t.eachPlan(ctx, people, render, func(_ *skills.Person, b builtPlan) error {
		out = append(out, b)
		return nil
	})
	return out, err
}

// eachPlan builds and renders the plans of people in parallel and calls f
// on each in their order, a window at a time (see inWindows): a rendered
// plan can be templates.MaxOutput bytes, and holding every plan of --all
// took 1.9 GB for 150 plans near that limit. It stops at the first error of
// f, or after calling f on the plans before the first that failed to
// build, with that error.
func (t *team) eachPlan(ctx context.Context, people []*skills.Person, render bool, f func(*skills.Person, builtPlan) error) error {
	t.progress.begin("building plans", "plans", len(people))
	defer t.progress.end()
	return inWindows(ctx, t.workers, people, func(p *skills.Person) (builtPlan, error) {
		defer t.progress.add(1)
		pl, err := t.plan(p)
		if err != nil || !render {
			return builtPlan{plan: pl}, err
		}
		content, err := t.render(p, pl)
		return builtPlan{pl, content}, err
	}, f)
}

func (t *team) render(p *skills.Person, pl *plans.Plan) ([]byte, error) {
	body, err := t.tmpl.Render("plan.md.tmpl", pl)
	if err != nil {
		return nil, err
	}
	return append([]byte(plans.Marker(p.Path)+"\n"), body...), nil
}

// namesOrAll checks that a command was given people by name, or --all, and
// not both.
func namesOrAll(command string, names []string, all bool) error {
	switch {
	case all && len(names) > 0:
		return usagef("give NAMEs or --all, not both")
	case !all && len(names) == 0:
		return usagef("%s needs a NAME, or --all", command)
	}
	return nil
}

// loadPeople loads the team and the people a command was asked for: the
// names given, or everyone with all.
func loadPeople(ctx context.Context, dir string, names []string, all bool, stderr io.Writer) (*team, []*skills.Person, error) {
	return loadPeopleFrom(ctx, dir, false, names, all, stderr)
}

// loadPeopleFrom is loadPeople from the working tree, or from the git
// index with staged; t.cleanup must be called when done.
func loadPeopleFrom(ctx context.Context, dir string, staged bool, names []string, all bool, stderr io.Writer) (*team, []*skills.Person, error) {
	t, err := loadTeamFrom(ctx, dir, staged, stderr)
	if err != nil {
		return nil, nil, err
	}
	if t.unread != nil {
		fmt.Fprintf(stderr, "coach: note: progress from git is left out: %v\n", t.unread)
	}
	if all {
		names = nil
	}
	people, err := t.people(names)
	if err != nil {
		t.cleanup()
	}
	return t, people, err
}

func runPlan(ctx context.Context, opts planOptions, stdout, stderr io.Writer) error {
	t, people, err := loadPeopleFrom(ctx, opts.Dir, opts.Staged, opts.People, opts.All, stderr)
	if err != nil {
		annotateInvalid(err, opts.Format, stdout)
		var invalid *teamInvalidError
		if opts.Format == "json" && errors.As(err, &invalid) {
			// No plan, and the errors that stopped them.
			if werr := writeJSON(stdout, plansOutput{Version: contractVersion, Plans: []*plans.Plan{}, Errors: invalid.problems}); werr != nil {
				return werr
			}
		}
		return err
	}
	defer t.cleanup()
	t.workers = opts.Workers
	if opts.Private.On {
		return printPrivatePlans(t, people, opts.Private, stdout, stderr)
	}
	// A finding is said on stderr, or with --format github as an annotation
	// on stdout; a path is relative to the coaching root.
	finding := func(path string, line int, msg string) {
		if opts.Format == "github" {
			fmt.Fprintln(stdout, annotation(skills.Problem{Path: path, Line: line, Severity: skills.Error, Message: msg}, t.prefix))
			return
		}
		fmt.Fprintf(stderr, "coach: %s\n", msg)
	}
	// again is the command that brings a plan up to date: with --all, the
	// one command for every plan, not one per person.
	again := func(id string) string {
		if opts.All {
			return "coach plan --all"
		}
		return "coach plan " + id
	}
	if opts.All && len(t.repo.People) == 0 {
		fmt.Fprintln(stderr, "coach: note: no skill files in skills/ yet; add skills/NAME.toml first")
	}
	// Plans are built and rendered in parallel, then written in order: the
	// same bytes as one at a time. A plan that fails stops the run after
	// those before it are written, as one at a time would. They are built a
	// window at a time and each dropped once written (see eachPlan).
	var out []*plans.Plan
	var findings bool
	var kept []error // plans left alone, named once the others are written
	buildErr := t.eachPlan(ctx, people, opts.Format != "json", func(p *skills.Person, b builtPlan) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		pl, content := b.plan, b.content
		if opts.Format == "json" {
			out = append(out, pl)
			return nil
		}
		path := plans.PlanPath(p.ID)
		switch {
		case opts.Stdout:
			if _, err := stdout.Write(shown(content)); err != nil {
				return err
			}
		case opts.Check:
			old, exists, err := readGenerated(t.repo.Root, path)
			if refused := (*refusedError)(nil); errors.As(err, &refused) {
				finding(refused.problem.Path, 0, refused.problem.String())
				findings = true
				return nil
			}
			if err != nil {
				return err
			}
			if !exists {
				finding(p.Path, 0, fmt.Sprintf("%s is missing; run `%s` and commit it", path, again(p.ID)))
				findings = true
				return nil
			}
			old = lf(old)
			if !bytes.Equal(old, content) {
				diff := udiff.Unified("a/"+path, "b/"+path, string(old), string(content))
				if opts.Format == "github" {
					fmt.Fprintf(stderr, "%s", shown([]byte(diff)))
				} else {
					fmt.Fprintf(stdout, "%s", shown([]byte(diff)))
				}
				if !bytes.HasPrefix(old, []byte(plans.Marker(p.Path)+"\n")) {
					// Edited by hand: coach plan alone would refuse to
					// replace it, so name the command that does.
					finding(path, 1, fmt.Sprintf("%s was edited by hand; move the edits to %s, then run `coach plan %s --force` and commit it", path, p.Path, p.ID))
				} else {
					finding(path, firstDifference(old, content), fmt.Sprintf("%s is stale; run `%s` and commit it", path, again(p.ID)))
				}
				findings = true
			}
		default:
			wrote, err := writeGenerated(ctx, t.repo.Root, path, content, plans.Marker(p.Path), opts.Force, "plan "+p.ID)
			if leftAlone(err) {
				kept = append(kept, err)
				return nil
			}
			if err != nil {
				return err
			}
			if wrote {
				fmt.Fprintf(stderr, "coach: wrote %s\n", path)
			} else {
				fmt.Fprintf(stderr, "coach: %s is up to date\n", path)
			}
		}
		return nil
	})
	if buildErr != nil {
		return buildErr
	}
	for _, err := range kept {
		fmt.Fprintf(stderr, "coach: %v\n", err)
		findings = true
	}
	if opts.Check && opts.All {
		orphans, err := orphanPlans(t.repo)
		if err != nil {
			return err
		}
		for _, o := range orphans {
			finding(o, 0, fmt.Sprintf("%s has no skill file; delete it, or restore skills/%s.toml", o, strings.TrimSuffix(filepath.Base(o), ".md")))
			findings = true
		}
	}
	if opts.Format == "json" {
		if out == nil {
			out = []*plans.Plan{}
		}
		if err := writeJSON(stdout, plansOutput{Version: contractVersion, Plans: out, Errors: skills.Problems{}}); err != nil {
			return err
		}
	}
	if findings {
		return errFindings
	}
	return nil
}

// firstDifference is the 1-based number of the first line where a and b
// differ.
func firstDifference(a, b []byte) int {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := range min(len(la), len(lb)) {
		if !bytes.Equal(la[i], lb[i]) {
			return i + 1
		}
	}
	return min(len(la), len(lb)) + 1
}

// errHandEdited means a generated file lost its marker line.
type handEditedError struct{ path, command string }

func (e *handEditedError) Error() string {
	return fmt.Sprintf("%s was edited by hand (its first line is no longer coach's marker), so it was not overwritten; move your edits to the skill file, or run `coach %s --force` to replace it", e.path, e.command)
}

// writeGenerated writes a generated file atomically unless it is unchanged.
// A file whose first line is not the marker was edited by hand, and is only
// replaced with force. A file that appears or changes while coach writes it
// is left alone (see replaceFile).
func writeGenerated(ctx context.Context, root, path string, content []byte, marker string, force bool, command string) (bool, error) {
	file := filepath.Join(root, filepath.FromSlash(path))
	raw, exists, err := readGenerated(root, path)
	old := lf(raw)
	switch {
	case err != nil:
		return false, err
	case !exists:
		err := createFile(ctx, file, path, content)
		if errors.Is(err, fs.ErrExist) {
			if now, rerr := os.ReadFile(file); rerr == nil && bytes.Equal(now, content) {
				return false, nil // another coach run wrote the same plan
			}
			return false, &notReplacedError{path, "appeared while coach was writing it",
				fmt.Sprintf("check it, then run `coach %s` again", command)}
		}
		return err == nil, notWritable(path, "coach "+command, err)
	case bytes.Equal(old, content):
		return false, nil
	case !force && !bytes.HasPrefix(old, []byte(marker+"\n")):
		return false, &handEditedError{path, command}
	}
	// The file is compared as it was read, CRLF and all: it is what
	// replaceFile finds there again when nobody changed it.
	if err := replaceFile(ctx, file, path, raw, content, "coach "+command); err != nil {
		return false, err
	}
	return true, nil
}

// lf reads a generated file as coach wrote it: git on Windows
// (core.autocrlf) checks it out with CRLF line endings, and commits it back
// with LF, so the two are the same file.
func lf(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")) }

// orphanPlans lists plans/*.md whose person has no skill file.
func orphanPlans(repo *skills.Repo) ([]string, error) {
	matches, err := filepath.Glob(filepath.Join(repo.Root, "plans", "*.md"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range matches {
		id := strings.TrimSuffix(filepath.Base(m), ".md")
		if _, err := os.Stat(filepath.Join(repo.Root, skills.SkillsDir, id+".toml")); errors.Is(err, fs.ErrNotExist) {
			out = append(out, "plans/"+filepath.Base(m))
		}
	}
	return out, nil
}
