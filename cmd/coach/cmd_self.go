package main

import (
	"time"

	"github.com/coach-dev/coach/internal/selfreview"
	"github.com/coach-dev/coach/internal/workspace"
	"github.com/urfave/cli/v2"
)

func newSelfCommand(stderr *report) *cli.Command {
	return &cli.Command{
		Name: "self", Usage: selfreview.Usage, ArgsUsage: "NAME", Description: selfreview.Description,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "period", Usage: "the quarter, like 2026-Q4 (default: this quarter)"},
			&cli.BoolFlag{Name: "force", Usage: "replace a self-review that exists with a blank form"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("self needs one NAME; got %d", c.NArg())
			}
			period := selfreview.PeriodOf(time.Now())
			if c.IsSet("period") {
				p, err := selfreview.ParsePeriod(c.String("period"))
				if err != nil {
					return usagef("%v", err)
				}
				period = p
			}
			repo, err := workspace.Load(repoDir(c))
			if err == nil {
				err = workspace.Settings(repo)
			}
			if err != nil {
				return err
			}
			path, err := selfreview.Write(c.Context, repo, c.Args().First(), period, c.Bool("force"))
			if err == nil {
				stderr.Wrotef("wrote %s: fill it in, then commit it", path)
			}
			return err
		},
	}
}
