package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"
)

// docsFile is the command reference generated from the commands'
// definitions; TestCLIDocs fails when it is not current.
const docsFile = "docs/cli.md"

func newManCommand(stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:  "man",
		Usage: "print coach's man page (roff), generated from the commands' definitions",
		Description: `man prints a manual page in roff, for man(1).

Examples:
   coach man | man -l -
   coach man > /usr/local/share/man/man1/coach.1

Exit status: 0 ok, 2 wrong usage.`,
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("man takes no arguments")
			}
			page, err := c.App.ToManWithSection(1)
			if err != nil {
				return err
			}
			_, err = io.WriteString(stdout, page)
			return err
		},
	}
}

// cliReference writes the Markdown reference of every command: its usage,
// description (with examples and exit status) and flags.
func cliReference(app *cli.App) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# coach command reference\n\n")
	fmt.Fprintf(&b, "<!-- Generated from the command definitions in cmd/coach by `go test ./cmd/coach -run TestCLIDocs -update`. Do not edit. -->\n\n")
	fmt.Fprintf(&b, "%s.\n\n", strings.ToUpper(app.Usage[:1])+app.Usage[1:])
	fmt.Fprintf(&b, "```text\ncoach [global options] command [command options] [arguments...]\n```\n\n")
	b.WriteString("```text\n" + strings.TrimSpace(app.Description) + "\n```\n\n")
	b.WriteString("## Global options\n\n")
	flagTable(&b, app.Flags)
	b.WriteString("## Commands\n\n")
	for _, c := range visibleCommands(app) {
		fmt.Fprintf(&b, "- [`coach %s`](#coach-%s): %s\n", c.Name, c.Name, c.Usage)
	}
	b.WriteString("\n")
	for _, c := range visibleCommands(app) {
		fmt.Fprintf(&b, "### coach %s\n\n", c.Name)
		fmt.Fprintf(&b, "%s.\n\n", strings.ToUpper(c.Usage[:1])+c.Usage[1:])
		usage := "coach " + c.Name
		if len(c.Flags) > 0 {
			usage += " [options]"
		}
		if c.ArgsUsage != "" {
			usage += " " + c.ArgsUsage
		}
		b.WriteString("```text\n" + usage + "\n```\n\n")
		if c.Description != "" {
			b.WriteString("```text\n" + strings.TrimSpace(c.Description) + "\n```\n\n")
		}
		if len(c.Flags) > 0 {
			flagTable(&b, c.Flags)
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func flagTable(b *strings.Builder, flags []cli.Flag) {
	b.WriteString("| option | what it does | default |\n| --- | --- | --- |\n")
	for _, f := range flags {
		df, ok := f.(cli.DocGenerationFlag)
		if !ok {
			continue
		}
		usage := df.GetUsage()
		// A `NAME` in the usage names the flag's value.
		value := ""
		if i := strings.Index(usage, "`"); i >= 0 {
			if j := strings.Index(usage[i+1:], "`"); j >= 0 {
				value = usage[i+1 : i+1+j]
			}
		}
		usage = strings.ReplaceAll(usage, "`", "")
		var names []string
		for _, n := range f.Names() {
			name := "--" + n
			if len(n) == 1 {
				name = "-" + n
			}
			if df.TakesValue() {
				if value == "" {
					value = "VALUE"
				}
				name += " " + value
			}
			names = append(names, "`"+name+"`")
		}
		def := df.GetDefaultText()
		if def == "" {
			def = df.GetValue()
		}
		if _, isBool := f.(*cli.BoolFlag); isBool || def == "" {
			def = " "
		} else {
			def = "`" + def + "`"
		}
		fmt.Fprintf(b, "| %s | %s | %s |\n", strings.Join(names, ", "), strings.ReplaceAll(usage, "|", `\|`), strings.TrimSpace(def))
	}
	b.WriteString("\n")
}
