package main

import (
	"context"
	"io"

	"github.com/coach-dev/coach/internal/cycle"
	"github.com/coach-dev/coach/internal/jsonout"
	"github.com/coach-dev/coach/internal/workspace"
	"github.com/urfave/cli/v2"
)

func newCalibrateCommand(stdout io.Writer, stderr *report) *cli.Command {
	return &cli.Command{
		Name: "calibrate", Usage: "write the calibration packet for a promotion round to calibration.md",
		Description: `calibrate writes the packet a leader takes into a calibration or promotion
round: the promotion candidates with links to their cases; the questions to
settle in the room; per role, each person's standing against their role's
bar and their target's, their readiness and since when they have been at
the target's bar; the managers whose people sit far above or below the
others' (as coach team computes it); the baselines awaiting calibration; and
the assessments older than the review cycle. With --under ID it covers the
organisation under that person or leader and writes calibration/ID.md;
with --role ID only the people holding that role. --check fails when the
committed packet is stale. A repository's templates/calibrate.md.tmpl
replaces the built-in template.

Examples:
   coach calibrate
   coach calibrate --under sam-lee --role pm --stdout
   coach calibrate --format json

Exit status: 0 ok, 1 a skill file with errors, an unknown --under or --role,
a stale or missing packet (--check) or one edited by hand, 2 wrong usage.`,
		Flags: cycleFlags(&cli.StringFlag{Name: "under", Usage: "only the organisation under person or leader `ID`"},
			&cli.StringFlag{Name: "role", Usage: "only the people holding role `ID`"}),
		Action: func(c *cli.Context) error {
			o, err := cycleOpts(c)
			switch {
			case err != nil:
				return err
			case c.NArg() > 0:
				return usagef("calibrate takes no arguments; use --under ID for part of the organisation")
			}
			return runCalibrate(c.Context, o, stdout, stderr)
		},
	}
}

func runCalibrate(ctx context.Context, o cycleOptions, stdout io.Writer, stderr *report) error {
	t, err := workspace.Open(ctx, workspace.Options{Dir: o.Dir, Staged: o.Staged, History: true, Progress: newProgress(stderr)})
	if err != nil {
		return err
	}
	defer t.Close()
	pk, content, err := t.Packet(ctx, o.Under, o.Role)
	if err != nil {
		return err
	}
	if o.Format == "json" {
		return jsonout.Write(stdout, cycle.PacketOutput{Version: jsonout.Version, Packet: pk})
	}
	again := "calibrate"
	if o.Under != "" {
		again += " --under " + o.Under
	}
	found, err := emitGenerated(ctx, t.Repo, pk.Path, content, cycle.PacketMarker(), o, again, stdout, stderr)
	if err == nil && found {
		err = errFindings
	}
	return err
}
