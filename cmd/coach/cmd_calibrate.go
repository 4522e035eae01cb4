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
		Description: cycle.CalibrateDescription,
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
