package main

import (
	"io"
	"strings"
	"time"

	"github.com/coach-dev/coach/internal/feedback"
	"github.com/coach-dev/coach/internal/notes"
	"github.com/coach-dev/coach/internal/workspace"
	"github.com/urfave/cli/v2"
)

func newFeedbackCommand(stdout io.Writer, stderr *report) *cli.Command {
	return &cli.Command{
		Name: "feedback", Usage: feedback.Usage, ArgsUsage: "NAME --as YOU | --request NAME --from A,B | --read NAME",
		Description: feedback.Description,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "as", Usage: "your person or leader `ID`, kept inside the encrypted text"},
			&cli.BoolFlag{Name: "request", Usage: "ask colleagues for feedback about NAME, on their next agendas"},
			&cli.StringFlag{Name: "from", Usage: "with --request: the `IDS` of the people asked, separated by commas"},
			&cli.BoolFlag{Name: "read", Usage: "print the feedback about NAME, decrypted, grouped by skill"},
			&cli.StringSliceFlag{Name: "identity", Aliases: []string{"i"}, Usage: "with --read: your age identity `FILE` (repeatable)"},
			&cli.BoolFlag{Name: "pipe", Usage: "with --read: print even when stdout is not a terminal"},
			&cli.BoolFlag{Name: "trust-new-recipients", Usage: "encrypt to keys added to coach.toml since your last commit"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("feedback needs one NAME; got %d", c.NArg())
			}
			if msg := feedback.FlagProblem(c.Bool("request"), c.Bool("read"), c.String("from"), c.String("as"),
				c.Bool("pipe") || c.IsSet("identity"), c.Bool("trust-new-recipients")); msg != "" {
				return usagef("%s", msg)
			}
			repo, err := workspace.Load(repoDir(c))
			if err == nil {
				err = workspace.Settings(repo)
			}
			switch {
			case err != nil:
				return err
			case c.Bool("request"):
				return feedback.Request(c.Context, repo, c.Args().First(), strings.Split(c.String("from"), ","), time.Now(), stderr)
			case !c.Bool("read"):
				return feedback.Write(c.Context, repo, c.Args().First(), feedback.Options{Author: c.String("as"),
					TrustNewRecipients: c.Bool("trust-new-recipients"), Editor: notes.EditorCommand(), Today: time.Now()}, stdout, stderr)
			}
			if err := privateOutput(stdout, c.Bool("pipe"), "feedback --read "+c.Args().First()); err != nil {
				return err
			}
			text, err := feedback.Show(repo, c.Args().First(), c.StringSlice("identity"))
			if err == nil && text == "" {
				stderr.Errorf("there is no feedback about %s yet", c.Args().First())
			}
			if err == nil {
				_, err = io.WriteString(stdout, text)
			}
			return err
		},
	}
}
