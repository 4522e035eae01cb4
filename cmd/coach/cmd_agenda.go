package main

import (
	"context"
	"errors"
	"github.com/coach-dev/coach/internal/files"
	"github.com/coach-dev/coach/internal/jsonout"
	"io"
	"io/fs"
	"time"

	"github.com/coach-dev/coach/internal/workspace"
	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/urfave/cli/v2"
)

type agendaOptions struct {
	Dir    string
	People []string
	All    bool
	// Week is the week of the agendas; when it is the zero Week, the week
	// of the next 1:1 on or after Today (coach.toml's weekday).
	Week   plans.Week
	Today  time.Time
	Stdout bool
	Format string
	Force  bool
}

func newAgendaCommand(stdout io.Writer, stderr *report) *cli.Command {
	return &cli.Command{
		Name:      "agenda",
		Usage:     "prepare the next 1:1 agenda in agendas/NAME/YYYY-Www.md",
		ArgsUsage: "NAME... | --all",
		Description: `agenda prepares a person's 1:1 agenda for an ISO week (default: the week of
the next 1:1 on or after today, on coach.toml's [agenda] weekday, so that a
run on a Saturday prepares the coming week): a prep note for the manager,
last time's notes, "try this" and action items (unticked "- [ ]" items, read
with a Markdown parser, are carried; ticked ones are listed as done), every
goal past its date or due within two weeks, a check-in question, what changed
in the skill file since the last 1:1 (a first or fresh assessment named as a
baseline), the focus skill of the week (rotating through the plan's focus
skills every weeks_per_focus agendas) with why it matters now, an action to
try and a question, one piece of work to review and one feedback prompt each
way, both turning week by week, and empty action items. The person's first
1:1 of each month, by their own agendas, holds a career conversation; the
first 1:1 on or after the plan's review date holds the review instead.

An agenda that exists is never overwritten, since people write in it during
the 1:1, unless --force; even then coach replaces only an agenda it wrote
(one that starts with its marker line) and nobody wrote in (no notes, no
item ticked, added or filled in), not a read-only one, and not one that
changes while it writes. Two runs at once never lose a note: an agenda
is created only where none exists. templates/agenda.md.tmpl replaces the
built-in template.

Examples:
   coach agenda alice
   coach agenda --all                  # everyone's next 1:1
   coach agenda alice --week 2026-W49 --stdout

Exit status: 0 ok (an agenda kept because it exists included: keeping it is
what was asked), 1 an invalid or unknown person or an agenda --force was
asked to replace and left alone (the others are written first), 2 wrong usage
(a week that does not exist included), 130 interrupted.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "all", Usage: "everyone with a skill file"},
			&cli.StringFlag{Name: "week", Usage: "the ISO `WEEK`, like 2026-W48 (default: the week of the next 1:1)"},
			&cli.BoolFlag{Name: "stdout", Usage: "print the agenda instead of writing it"},
			formatFlag("md", "json"),
			&cli.BoolFlag{Name: "force", Usage: "replace an agenda that exists, if nobody wrote in it"},
		},
		Action: func(c *cli.Context) error {
			opts := agendaOptions{Dir: repoDir(c), People: c.Args().Slice(), All: c.Bool("all"),
				Stdout: c.Bool("stdout"), Format: c.String("format"), Force: c.Bool("force")}
			if err := namesOrAll("agenda", opts.People, opts.All); err != nil {
				return err
			}
			if err := checkFormat(opts.Format, "md", "json"); err != nil {
				return err
			}
			// The clock is read here, once; everything below takes the day.
			opts.Today = time.Now()
			if w := c.String("week"); w != "" {
				week, err := plans.ParseWeek(w)
				if err != nil {
					return usagef("%v", err)
				}
				opts.Week = week
			}
			return runAgenda(c.Context, opts, stdout, stderr)
		},
	}
}

func runAgenda(ctx context.Context, opts agendaOptions, stdout io.Writer, stderr *report) error {
	t, people, err := openPeople(ctx, workspace.Options{Dir: opts.Dir}, opts.People, opts.All, stderr)
	if err != nil {
		var invalid *workspace.InvalidError
		if opts.Format == "json" && errors.As(err, &invalid) {
			// No agenda, and the errors that stopped them.
			if werr := jsonout.Write(stdout, jsonout.Agendas{Version: jsonout.Version, Agendas: []*plans.Agenda{}, Errors: invalid.Problems}); werr != nil {
				return werr
			}
		}
		return err
	}
	defer t.Close()
	if opts.Week == (plans.Week{}) {
		opts.Week = plans.MeetingWeek(opts.Today, t.Repo.Config.Agenda.WeekdayValue())
	}
	var out []*plans.Agenda
	var kept []error // agendas left alone, named once the others are written
	for _, p := range people {
		if err := ctx.Err(); err != nil {
			return err
		}
		a, err := t.Agenda(p, opts.Week, stderr)
		if notYet := (*workspace.NotYetError)(nil); opts.All && errors.As(err, &notYet) {
			stderr.Notef("%s: left out of this week's agendas", notYet.Reason())
			continue
		} else if err != nil {
			return err
		}
		if opts.Format == "json" {
			out = append(out, a)
			continue
		}
		body, err := t.Templates.Render("agenda.md.tmpl", a)
		if err != nil {
			return err
		}
		content := append([]byte(files.AgendaHeader(p.Path, opts.Week)), body...)
		if opts.Stdout {
			if _, err := stdout.Write(shown(content)); err != nil {
				return err
			}
			continue
		}
		path := plans.AgendaPath(p.ID, opts.Week)
		err = files.WriteWeekAgenda(ctx, t.Repo.Root, path, content, opts.Force, p.ID, opts.Week)
		switch {
		case errors.Is(err, files.ErrUpToDate):
			stderr.Wrotef("%s is up to date", path)
		case errors.Is(err, fs.ErrExist):
			stderr.Wrotef("kept %s: it exists and may hold notes from the 1:1; --force replaces it if nobody wrote in it", path)
		case files.LeftAlone(err):
			kept = append(kept, err)
		case err != nil:
			return err
		default:
			stderr.Wrotef("wrote %s", path)
		}
	}
	if opts.Format == "json" {
		if err := jsonout.Write(stdout, jsonout.Agendas{Version: jsonout.Version, Agendas: append([]*plans.Agenda{}, out...), Errors: skills.Problems{}}); err != nil {
			return err
		}
	}
	for _, err := range kept {
		stderr.Errorf("%v", err)
	}
	if len(kept) > 0 {
		return errFindings
	}
	return nil
}
