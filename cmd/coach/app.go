package main

// Output rules, for every command:
//   - stdout carries the product (Markdown, text or JSON) and nothing else;
//   - diagnostics go to stderr: findings as path:line:col: message, and
//     anything else as "coach: ..." with hints as "coach: hint: ...";
//   - the exit status is decided in exactly one place, exitCode: 0 ok (warnings
//     alone included), 1 a finding (invalid file, stale plan, unknown person,
//     a file coach would not replace), 2 wrong usage or an unexpected failure,
//     130 interrupted (Ctrl-C or SIGTERM: every file written is whole, every
//     temporary file removed).
//   - --quiet leaves errors only: the report (report.go) drops every other
//     level (wrote, up to date, notes, warnings) and init's list of files,
//     and no progress is drawn;
//   - progress (package progress) is drawn only when stderr is a terminal, for
//     work that runs longer than about a second, and cleared when it ends;
//   - coach writes no colour and no terminal escapes anywhere (a progress
//     bar is redrawn after a carriage return), so NO_COLOR and a --color
//     flag have nothing to turn off.

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"github.com/coach-dev/coach/internal/files"
	"github.com/coach-dev/coach/internal/notes"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/coach-dev/coach/history"
	"github.com/coach-dev/coach/internal/workspace"
	"github.com/coach-dev/coach/skills"
	"github.com/urfave/cli/v2"
)

// errFindings means the command reported findings on stderr already and
// should exit 1 without printing anything more.
var errFindings = errors.New("findings reported")

// usageError is wrong usage: a missing argument, a bad flag value, a
// directory that cannot be used. hint, when set, is printed after it.
type usageError struct{ msg, hint string }

func (e *usageError) Error() string { return e.msg }

const helpHint = "run `coach help` or `coach COMMAND --help` for usage"

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...), hint: helpHint}
}

// run is coach as a program: Ctrl-C (SIGINT), SIGTERM or SIGHUP (the
// terminal closed) cancels the context of the command, which stops at its
// next check, removes its temporary files and exits 130. A second signal
// ends coach at once, as if it had no handler, for the commands that do not
// check the context (check).
func run(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	context.AfterFunc(ctx, stop)
	return runContext(ctx, args, stdout, stderr)
}

// runContext runs coach until it is done or ctx is.
func runContext(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	rep := newReport(stderr)
	app := newApp(stdout, rep)
	err := app.RunContext(ctx, flagsFirst(app, args))
	rep.quiet = false // what is left is the error itself
	rep.Flush()
	return exitCode(err, rep)
}

// flagsFirst moves a command's flags ahead of its arguments, so that
// `coach history alice --since 2026-09-01` works as people type it: urfave/cli
// v2 stops reading flags at the first argument. A flag's value, when the flag
// takes one and is not written --flag=value, moves with it; "--" ends flags.
func flagsFirst(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	out := []string{args[0]}
	i := 1
	// Global flags, then the command name.
	for i < len(args) && strings.HasPrefix(args[i], "-") {
		out = append(out, args[i])
		if takesValue(app.Flags, args[i]) && i+1 < len(args) {
			i++
			out = append(out, args[i])
		}
		i++
	}
	if i >= len(args) {
		return out
	}
	cmd := app.Command(args[i])
	out = append(out, args[i])
	i++
	if cmd == nil {
		return append(out, args[i:]...)
	}
	var flags, rest []string
	for ; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i:]...)
			i = len(args)
		case isFlag(app.Flags, a) && !isFlag(cmd.Flags, a):
			// A global flag (-C DIR) written after the command moves before it.
			global := []string{a}
			if takesValue(app.Flags, a) && i+1 < len(args) {
				i++
				global = append(global, args[i])
			}
			out = append(out[:len(out)-1], append(global, out[len(out)-1])...)
		case strings.HasPrefix(a, "-") && a != "-":
			flags = append(flags, a)
			if takesValue(cmd.Flags, a) && i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		default:
			rest = append(rest, a)
		}
	}
	return append(append(out, flags...), rest...)
}

// isFlag reports whether arg names one of flags.
func isFlag(flags []cli.Flag, arg string) bool {
	if !strings.HasPrefix(arg, "-") {
		return false
	}
	name, _, _ := strings.Cut(strings.TrimLeft(arg, "-"), "=")
	for _, f := range flags {
		for _, n := range f.Names() {
			if n == name {
				return true
			}
		}
	}
	return false
}

// takesValue reports whether arg names a flag that reads the next argument.
func takesValue(flags []cli.Flag, arg string) bool {
	if strings.Contains(arg, "=") {
		return false
	}
	name := strings.TrimLeft(arg, "-")
	for _, f := range flags {
		for _, n := range f.Names() {
			if n == name {
				_, isBool := f.(*cli.BoolFlag)
				return !isBool
			}
		}
	}
	return false
}

// exitCode prints err (unless it was printed already) and maps it to the exit
// status.
func exitCode(err error, stderr io.Writer) int {
	var (
		usage         *usageError
		problems      *skills.ProblemsError
		handEdited    *files.HandEditedError
		kept          *files.NotReplacedError
		recipientsErr *notes.NewRecipientsError
		refused       *files.RefusedError
		invalid       *workspace.InvalidError
		gitDir        *files.GitDirError
	)
	// A package's wrong usage (a note that cannot be read or written as
	// asked, a framework coach cannot import); "" is the usual hint.
	var pkgUsage interface {
		error
		UsageHint() string
	}
	if errors.As(err, &pkgUsage) {
		err = &usageError{msg: pkgUsage.Error(), hint: cmp.Or(pkgUsage.UsageHint(), helpHint)}
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "coach: interrupted")
		return 130
	case errors.Is(err, errFindings):
		return 1
	case errors.Is(err, notes.ErrEditInterrupted):
		fmt.Fprintf(stderr, "coach: %v\n", err)
		return 130
	case errors.Is(err, skills.ErrNotRecipient):
		fmt.Fprintf(stderr, "coach: %v\n", err)
		return 1
	case errors.As(err, &handEdited), errors.As(err, &kept), errors.As(err, &refused):
		fmt.Fprintf(stderr, "coach: %v\n", err)
		return 1
	case errors.As(err, &recipientsErr):
		fmt.Fprintf(stderr, "coach: %v\n", err)
		fmt.Fprintf(stderr, "coach: hint: %s\n", recipientsErr.Hint)
		return 1
	case errors.As(err, &invalid):
		for _, p := range invalid.Problems {
			fmt.Fprintln(stderr, p)
		}
		fmt.Fprintf(stderr, "coach: %s\n", invalid.Summary())
		fmt.Fprintln(stderr, "coach: hint: fix them, then `coach check` says when every file is valid")
		return 1
	case errors.As(err, &problems):
		for _, p := range problems.Problems {
			fmt.Fprintln(stderr, p)
		}
		return 1
	case errors.Is(err, skills.ErrUnknownPerson), errors.Is(err, skills.ErrNotRepo), errors.Is(err, history.ErrNotGit):
		fmt.Fprintf(stderr, "coach: %v\n", err)
		return 1
	case errors.Is(err, history.ErrDamaged), errors.Is(err, history.ErrSHA256), errors.Is(err, history.ErrUnsupported):
		fmt.Fprintf(stderr, "coach: %v\n", err)
		hint := "`git fsck` says what is damaged; a fresh clone of the repository's remote replaces it"
		var h interface {
			error
			Hint() string
		}
		if errors.As(err, &h) {
			hint = h.Hint()
		}
		fmt.Fprintf(stderr, "coach: hint: %s\n", hint)
		return 1
	case errors.Is(err, history.ErrIncomplete):
		fmt.Fprintf(stderr, "coach: %v\n", err)
		fmt.Fprintln(stderr, "coach: hint: in CI, check out the whole history (actions/checkout with fetch-depth: 0)")
		return 1
	case errors.As(err, &gitDir):
		fmt.Fprintf(stderr, "coach: %v\n", err)
		fmt.Fprintln(stderr, "coach: hint: write it elsewhere in the work tree, or outside the repository")
		return 2
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "coach: %v\n", err)
		if usage.hint != "" {
			fmt.Fprintf(stderr, "coach: hint: %s\n", usage.hint)
		}
		return 2
	}
	fmt.Fprintf(stderr, "coach: %v\n", err)
	return 2
}

func newApp(stdout io.Writer, stderr *report) *cli.App {
	app := &cli.App{
		Name:  "coach",
		Usage: "development plans, 1:1 agendas and progress history for product leaders",
		Description: `coach reads a git repository of TOML files (a skill matrix and one skill
file per product manager) and generates each person's individual development
plan, a weekly 1:1 agenda, their progress history from the commits, and a
summary of a pull request's skill changes for its reviewer.

Start with:  coach init --example team && cd team && coach check && coach plan --all

Output: the product (Markdown, text or JSON) on stdout, messages on stderr;
work that runs longer than a second shows its progress on stderr when stderr
is a terminal, and clears it when done; --quiet leaves errors only. coach
writes no colour, so there is nothing for NO_COLOR or a --color flag to turn
off. --format json gives one object with "version": 2 (see coach schema
--output). Path arguments (--svg FILE, --output DIR, init DIR) are read after
-C, as git does.

Exit status: 0 ok, 1 findings, 2 wrong usage, 130 interrupted.`,
		Version:   readBuild().String(),
		Writer:    stdout,
		ErrWriter: stderr,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "C", Usage: "run as if coach was started in `DIR`", Value: "."},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print errors only: no messages, no progress"},
		},
		Commands: []*cli.Command{
			newInitCommand(stderr),
			newCheckCommand(stdout, stderr),
			newPlanCommand(stdout, stderr),
			newAgendaCommand(stdout, stderr),
			newHistoryCommand(stdout, stderr),
			newDiffCommand(stdout, stderr),
			newTeamCommand(stdout, stderr),
			newPromoCommand(stdout, stderr),
			newCalibrateCommand(stdout, stderr),
			newSchemaCommand(stdout, stderr),
			newNotesCommand(stdout, stderr),
			newFeedbackCommand(stdout, stderr),
			newSelfCommand(stderr),
			newReviewCommand(stdout, stderr),
			newImportCommand(stdout, stderr),
			newExportCommand(stdout, stderr),
			newCompletionCommand(stdout),
			newManCommand(stdout),
			newCompleteCommand(stdout),
		},
		// -C names a directory that exists, as git's does; nothing is made
		// when it does not.
		Before: func(c *cli.Context) error {
			if c.Bool("quiet") {
				stderr.quiet = true
			}
			if !c.IsSet("C") {
				return nil
			}
			dir := c.String("C")
			fi, err := os.Stat(dir)
			switch {
			case err != nil && errors.Is(err, fs.ErrNotExist):
				return &usageError{msg: fmt.Sprintf("cannot change to %s: no such directory", dir)}
			case err != nil:
				return &usageError{msg: fmt.Sprintf("cannot change to %s: %v", dir, err)}
			case !fi.IsDir():
				return &usageError{msg: fmt.Sprintf("cannot change to %s: not a directory", dir)}
			}
			return nil
		},
		// Errors become exit codes in run, never inside the library.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return &usageError{msg: err.Error(), hint: helpHint}
		},
		// With no command, show the help; an unknown word is wrong usage.
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return cli.ShowAppHelp(c)
			}
			var names []string
			for _, cmd := range c.App.Commands {
				names = append(names, cmd.Name)
			}
			return usagef("unknown command %q; did you mean %s?", c.Args().First(),
				strings.Join(skills.Closest(c.Args().First(), names, 1), ""))
		},
	}
	for _, c := range app.Commands {
		c.OnUsageError = app.OnUsageError
	}
	return app
}

// repoDir is the directory given by -C, resolved against the working
// directory.
func repoDir(c *cli.Context) string {
	for _, ctx := range c.Lineage() {
		if ctx.IsSet("C") {
			return ctx.String("C")
		}
	}
	return "."
}

// formatFlag is the --format flag shared by reporting commands.
func formatFlag(allowed ...string) *cli.StringFlag {
	return &cli.StringFlag{Name: "format", Value: allowed[0],
		Usage: "output `FORMAT`: " + strings.Join(allowed, ", ")}
}

func checkFormat(got string, allowed ...string) error {
	for _, a := range allowed {
		if got == a {
			return nil
		}
	}
	return usagef("unknown format %q; use one of %s", got, strings.Join(allowed, ", "))
}
