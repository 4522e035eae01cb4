package main

import (
	"errors"
	"io"
	"time"

	"github.com/coach-dev/coach/internal/cycle"
	"github.com/coach-dev/coach/internal/files"
	"github.com/coach-dev/coach/internal/jsonout"
	"github.com/coach-dev/coach/internal/workspace"
	"github.com/urfave/cli/v2"
)

func newReviewCommand(stdout io.Writer, stderr *report) *cli.Command {
	return &cli.Command{Name: "review", Usage: cycle.ReviewUsage, ArgsUsage: "NAME... | --all", Description: cycle.ReviewDescription,
		Flags: []cli.Flag{&cli.BoolFlag{Name: "all", Usage: "everyone"}, &cli.StringFlag{Name: "period", Usage: "the quarter, like `2026-Q4` (default: this quarter)"},
			&cli.StringFlag{Name: "since", Usage: "the period's first `DATE`"}, &cli.StringFlag{Name: "until", Usage: "the period's last `DATE`"},
			&cli.BoolFlag{Name: "stdout", Usage: "print it instead of writing it"}, formatFlag("md", "json"),
			&cli.BoolFlag{Name: "force", Usage: "replace edits outside the manager's sections"}},
		Action: func(c *cli.Context) error {
			period, err := cycle.PeriodFrom(c.String("period"), c.String("since"), c.String("until"), time.Now())
			if err == nil {
				err = checkFormat(c.String("format"), "md", "json")
			}
			if err != nil {
				return usagef("%v", err)
			}
			if err := namesOrAll("review", c.Args().Slice(), c.Bool("all")); err != nil {
				return err
			}
			return runReview(c, period, stdout, stderr)
		}}
}

func runReview(c *cli.Context, period cycle.Period, stdout io.Writer, stderr *report) error {
	ctx := c.Context
	t, people, err := openPeople(ctx, workspace.Options{Dir: repoDir(c)}, c.Args().Slice(), c.Bool("all"), stderr)
	if err != nil {
		return err
	}
	defer t.Close()
	out, left := cycle.ReviewsOutput{Version: jsonout.Version, Reviews: []*cycle.Review{}}, false
	for _, p := range people {
		r, content, err := t.Review(p, period, c.Bool("all"))
		switch {
		case err != nil:
			return err
		case r == nil:
			stderr.Notef("%s is left out: the skill file did not exist by the end of %s", p.Path, period.Name)
			continue
		}
		out.Reviews = append(out.Reviews, r)
		if c.String("format") == "json" {
			continue
		}
		if c.Bool("stdout") {
			if _, err := stdout.Write(shown(content)); err != nil {
				return err
			}
			continue
		}
		kept, err := workspace.WriteReview(ctx, t.Repo.Root, r.Path, content, c.Bool("force"), "review "+p.ID+" "+period.Flags())
		switch {
		case err == nil && len(kept.Dropped) > 0:
			stderr.Warnf("wrote %s without what was written in its %s section, which it no longer has", r.Path, kept.Dropped[0])
		case files.LeftAlone(err):
			stderr.Errorf("%v", err)
			left = true
		case errors.Is(err, workspace.ErrReviewUpToDate):
			stderr.Wrotef("%s is up to date", r.Path)
		case err != nil:
			return err
		default:
			stderr.Wrotef("wrote %s", r.Path)
		}
	}
	if c.String("format") == "json" {
		return jsonout.Write(stdout, out)
	}
	if left {
		return errFindings
	}
	return nil
}
