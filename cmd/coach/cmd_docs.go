package main

import (
	"github.com/coach-dev/coach/internal/clidocs"
	"io"

	"github.com/urfave/cli/v2"
)

// docsFile is the command reference generated from the commands'
// definitions; TestCLIDocs fails when it is not current. The man page
// (coach man) is the same reference in roff: both are rendered from
// package clidocs, so neither can carry less than the other.
const docsFile = "docs/cli.md"

// manualDate dates the man page of a build that recorded no commit time
// (go install from a module version, go test): a constant, so that the
// page is the same on every run. A build from a git checkout dates it by
// its commit instead.
const manualDate = "2026-12-06"

func newManCommand(stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:  "man",
		Usage: "print coach's man page (roff), generated from the commands' definitions",
		Description: `man prints the manual page: the whole of docs/cli.md (every command with
its description, examples, exit status and options) in roff, for man(1). It
is dated by the commit coach was built from, never by the clock.

Examples:
   coach man | man -l -
   coach man > /usr/local/share/man/man1/coach.1

Exit status: 0 ok, 2 wrong usage.`,
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("man takes no arguments")
			}
			b := readBuild()
			date := b.Date
			if date == "" {
				date = manualDate
			}
			_, err := io.WriteString(stdout, clidocs.Man(c.App, date, b.Version))
			return err
		},
	}
}
