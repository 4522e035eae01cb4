package main

import (
	"context"
	"errors"
	"io"

	"github.com/coach-dev/coach/internal/cycle"
	"github.com/coach-dev/coach/internal/files"
	"github.com/coach-dev/coach/internal/jsonout"
	"github.com/coach-dev/coach/internal/workspace"
	"github.com/coach-dev/coach/skills"
	"github.com/urfave/cli/v2"
)

// cycleOptions are the options of promo and calibrate.
type cycleOptions struct {
	Dir, Format, Under, Role          string
	People                            []string
	All, Stdout, Check, Staged, Force bool
}

func cycleFlags(extra ...cli.Flag) []cli.Flag {
	return append(extra, &cli.BoolFlag{Name: "stdout", Usage: "print it instead of writing it"}, formatFlag("md", "json"),
		&cli.BoolFlag{Name: "check", Usage: "compare with the committed file; write nothing"},
		&cli.BoolFlag{Name: "staged", Usage: "with --check: read the files staged in the git index"},
		&cli.BoolFlag{Name: "force", Usage: "overwrite a file that was edited by hand"})
}

func cycleOpts(c *cli.Context) (cycleOptions, error) {
	o := cycleOptions{Dir: repoDir(c), Format: c.String("format"), Under: c.String("under"), Role: c.String("role"), People: c.Args().Slice(),
		All: c.Bool("all"), Stdout: c.Bool("stdout"), Check: c.Bool("check"), Staged: c.Bool("staged"), Force: c.Bool("force")}
	switch {
	case o.Check && (o.Stdout || o.Force || o.Format == "json"):
		return o, usagef("--check writes nothing; it does not go with --stdout, --force or --format json")
	case o.Staged && !o.Check:
		return o, usagef("--staged reads the git index, which coach never writes; use it with --check")
	}
	return o, checkFormat(o.Format, "md", "json")
}

func newPromoCommand(stdout io.Writer, stderr *report) *cli.Command {
	return &cli.Command{
		Name: "promo", Usage: "write the promotion case for a person's target role to promotions/NAME.md", ArgsUsage: "NAME... | --all",
		Description: cycle.PromoDescription,
		Flags:       cycleFlags(&cli.BoolFlag{Name: "all", Usage: "every case written in promotions/"}),
		Action: func(c *cli.Context) error {
			o, err := cycleOpts(c)
			if err == nil {
				err = namesOrAll("promo", o.People, o.All)
			}
			if err != nil {
				return err
			}
			return runPromo(c.Context, o, stdout, stderr)
		},
	}
}

func runPromo(ctx context.Context, o cycleOptions, stdout io.Writer, stderr *report) error {
	t, people, err := openPeople(ctx, workspace.Options{Dir: o.Dir, Staged: o.Staged}, o.People, false, stderr)
	if err != nil {
		return err
	}
	defer t.Close()
	if o.All {
		if o.People, err = t.WrittenCases(); err != nil || len(o.People) == 0 {
			return err
		}
		if people, err = t.People(o.People); err != nil {
			return err
		}
	}
	out := cycle.CasesOutput{Version: jsonout.Version, Promotions: []*cycle.Case{}}
	findings := false
	for _, p := range people {
		cs, content, err := t.Case(p)
		if err != nil {
			return err
		}
		out.Promotions = append(out.Promotions, cs)
		if o.Format != "json" {
			found, err := emitGenerated(ctx, t.Repo, cs.Path, content, cycle.CaseMarker(p.Path), o, "promo "+p.ID, stdout, stderr)
			if err != nil {
				return err
			}
			findings = findings || found
		}
	}
	if o.Format == "json" {
		return jsonout.Write(stdout, out)
	}
	if findings {
		return errFindings
	}
	return nil
}

// emitGenerated prints a generated file, compares it with the committed
// one (--check) or writes it; true when it reported a finding.
func emitGenerated(ctx context.Context, repo *skills.Repo, rel string, content []byte, marker string, o cycleOptions, again string, stdout io.Writer, stderr *report) (bool, error) {
	if o.Stdout {
		_, err := stdout.Write(shown(content))
		return false, err
	}
	if !o.Check {
		wrote, err := files.WriteGenerated(ctx, repo.Root, rel, content, marker, o.Force, again)
		switch {
		case files.LeftAlone(err):
			stderr.Errorf("%v", err)
			return true, nil
		case err != nil:
			return false, err
		case wrote:
			stderr.Wrotef("wrote %s", rel)
		default:
			stderr.Wrotef("%s is up to date", rel)
		}
		return false, nil
	}
	verdict, _, diff, err := files.CompareGenerated(repo, rel, content, marker)
	if _, werr := stdout.Write(shown([]byte(diff))); werr != nil {
		return false, werr
	}
	if refused := (*files.RefusedError)(nil); errors.As(err, &refused) {
		stderr.Errorf("%s", refused.Problem.String())
		return true, nil
	}
	switch verdict {
	case "missing", "stale":
		stderr.Errorf("%s is %s; run `coach %s` and commit it", rel, verdict, again)
	case "hand-edited":
		stderr.Errorf("%s was edited by hand; run `coach %s --force` and commit it", rel, again)
	}
	return verdict != "", err
}
