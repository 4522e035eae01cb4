package main

import (
	"fmt"
	"github.com/coach-dev/coach/internal/completion"
	"io"
	"strings"

	"github.com/urfave/cli/v2"
)

// docsFile is the command reference generated from the commands'
// definitions; TestCLIDocs fails when it is not current. The man page
// (coach man) is the same reference in roff: both are rendered from
// reference(app), so neither can carry less than the other.
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
			_, err := io.WriteString(stdout, manPage(reference(c.App), date, b.Version))
			return err
		},
	}
}

// ref is the command reference: what docs/cli.md and the man page say.
type ref struct {
	name, usage, synopsis, description string
	flags                              []flagDoc
	commands                           []commandDoc
}

type commandDoc struct {
	name, usage, synopsis, description string
	flags                              []flagDoc
}

type flagDoc struct {
	names []string // "--week WEEK", "-i FILE"
	usage string   // what it does
	def   string   // its default, "" when it has none worth saying
}

func reference(app *cli.App) ref {
	r := ref{
		name:        app.Name,
		usage:       app.Usage,
		synopsis:    "coach [-C DIR] [--quiet] COMMAND [OPTIONS] [ARGUMENTS...]",
		description: strings.TrimSpace(app.Description),
		flags:       flagDocs(app.Flags),
	}
	for _, c := range completion.VisibleCommands(app) {
		if c.Name == "help" {
			continue // urfave/cli's, once the app has run
		}
		synopsis := "coach " + c.Name
		if len(c.Flags) > 0 {
			synopsis += " [options]"
		}
		if c.ArgsUsage != "" {
			synopsis += " " + c.ArgsUsage
		}
		r.commands = append(r.commands, commandDoc{name: c.Name, usage: c.Usage, synopsis: synopsis,
			description: strings.TrimSpace(c.Description), flags: flagDocs(c.Flags)})
	}
	return r
}

func flagDocs(flags []cli.Flag) []flagDoc {
	var out []flagDoc
	for _, f := range flags {
		df, ok := f.(cli.DocGenerationFlag)
		if !ok || f == cli.HelpFlag || f == cli.VersionFlag {
			continue
		}
		value := ""
		if df.TakesValue() {
			if value = completion.FlagPlaceholder(f); value == "" {
				value = "VALUE"
			}
		}
		d := flagDoc{usage: strings.ReplaceAll(df.GetUsage(), "`", "")}
		for _, n := range f.Names() {
			name := "--" + n
			if len(n) == 1 {
				name = "-" + n
			}
			if value != "" {
				name += " " + value
			}
			d.names = append(d.names, name)
		}
		if _, isBool := f.(*cli.BoolFlag); !isBool {
			if d.def = df.GetDefaultText(); d.def == "" {
				d.def = df.GetValue()
			}
		}
		out = append(out, d)
	}
	return out
}

func capitalised(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// cliReference writes the Markdown reference of every command: its usage,
// description (with examples and exit status) and flags.
func cliReference(app *cli.App) string {
	r := reference(app)
	var b strings.Builder
	fmt.Fprintf(&b, "# coach command reference\n\n")
	fmt.Fprintf(&b, "<!-- Generated from the command definitions in cmd/coach by `go test ./cmd/coach -run TestCLIDocs -update`. Do not edit. -->\n\n")
	fmt.Fprintf(&b, "%s.\n\n", capitalised(r.usage))
	fmt.Fprintf(&b, "```text\n%s\n```\n\n", r.synopsis)
	b.WriteString("```text\n" + r.description + "\n```\n\n")
	b.WriteString("## Global options\n\n")
	flagTable(&b, r.flags)
	b.WriteString("## Commands\n\n")
	for _, c := range r.commands {
		fmt.Fprintf(&b, "- [`coach %s`](#coach-%s): %s\n", c.name, c.name, c.usage)
	}
	b.WriteString("\n")
	for _, c := range r.commands {
		fmt.Fprintf(&b, "### coach %s\n\n", c.name)
		fmt.Fprintf(&b, "%s.\n\n", capitalised(c.usage))
		b.WriteString("```text\n" + c.synopsis + "\n```\n\n")
		if c.description != "" {
			b.WriteString("```text\n" + c.description + "\n```\n\n")
		}
		if len(c.flags) > 0 {
			flagTable(&b, c.flags)
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func flagTable(b *strings.Builder, flags []flagDoc) {
	b.WriteString("| option | what it does | default |\n| --- | --- | --- |\n")
	for _, f := range flags {
		var names []string
		for _, n := range f.names {
			names = append(names, "`"+n+"`")
		}
		def := " "
		if f.def != "" {
			def = "`" + f.def + "`"
		}
		fmt.Fprintf(b, "| %s | %s | %s |\n", strings.Join(names, ", "), strings.ReplaceAll(f.usage, "|", `\|`), strings.TrimSpace(def))
	}
	b.WriteString("\n")
}

// manPage renders r as a man page in roff (man(7) macros), dated date.
// The descriptions are kept line for line, as in docs/cli.md, so that
// their examples keep their layout.
func manPage(r ref, date, version string) string {
	var b strings.Builder
	fmt.Fprintf(&b, ".\\\" Generated by coach man from the command definitions in cmd/coach, as docs/cli.md is.\n")
	fmt.Fprintf(&b, ".TH COACH 1 %s %s \"User Commands\"\n", roffQuote(date), roffQuote("coach "+version))
	b.WriteString(".SH NAME\n")
	fmt.Fprintf(&b, "coach \\- %s\n", roffText(r.usage))
	b.WriteString(".SH SYNOPSIS\n")
	manSynopsis(&b, r.synopsis)
	b.WriteString(".SH DESCRIPTION\n")
	fmt.Fprintf(&b, "%s.\n", roffText(capitalised(r.usage)))
	manBlock(&b, r.description)
	b.WriteString(".SH GLOBAL OPTIONS\n")
	manFlags(&b, r.flags)
	b.WriteString(".SH COMMANDS\n")
	for _, c := range r.commands {
		fmt.Fprintf(&b, ".TP\n.B coach %s\n%s\n", roffText(c.name), roffText(c.usage))
	}
	for _, c := range r.commands {
		fmt.Fprintf(&b, ".SS coach %s\n", roffText(c.name))
		fmt.Fprintf(&b, "%s.\n", roffText(capitalised(c.usage)))
		manSynopsis(&b, c.synopsis)
		if c.description != "" {
			manBlock(&b, c.description)
		}
		if len(c.flags) > 0 {
			b.WriteString(".PP\nOptions:\n")
			manFlags(&b, c.flags)
		}
	}
	b.WriteString(".SH EXIT STATUS\n")
	for _, line := range strings.Split(r.description, "\n") {
		if s, ok := strings.CutPrefix(line, "Exit status: "); ok {
			for _, item := range strings.Split(strings.TrimSuffix(s, "."), ", ") {
				code, what, _ := strings.Cut(item, " ")
				fmt.Fprintf(&b, ".TP\n.B %s\n%s\n", roffText(code), roffText(what))
			}
		}
	}
	b.WriteString("Each command's own exit statuses are in its section above.\n")
	b.WriteString(".SH SEE ALSO\n.BR git (1)\n")
	return b.String()
}

// manSynopsis writes a synopsis line: bold words, italic placeholders.
func manSynopsis(b *strings.Builder, s string) {
	b.WriteString(".PP\n.nf\n")
	var words []string
	for _, w := range strings.Fields(s) {
		core := strings.Trim(w, "[]|.")
		switch {
		case strings.HasPrefix(core, "-") || w == "coach" || len(words) == 1 && core == w:
			words = append(words, strings.Replace(roffText(w), roffText(core), `\fB`+roffText(core)+`\fR`, 1))
		case core != "" && strings.ToUpper(core) == core && strings.ToLower(core) != core:
			words = append(words, strings.Replace(roffText(w), roffText(core), `\fI`+roffText(core)+`\fR`, 1))
		default:
			words = append(words, roffText(w))
		}
	}
	b.WriteString(strings.Join(words, " ") + "\n.fi\n")
}

// manBlock writes text as it is laid out, line for line.
func manBlock(b *strings.Builder, text string) {
	b.WriteString(".PP\n.nf\n")
	for _, line := range strings.Split(text, "\n") {
		b.WriteString(roffLine(line) + "\n")
	}
	b.WriteString(".fi\n")
}

func manFlags(b *strings.Builder, flags []flagDoc) {
	for _, f := range flags {
		var names []string
		for _, n := range f.names {
			flag, value, hasValue := strings.Cut(n, " ")
			s := `\fB` + roffText(flag) + `\fR`
			if hasValue {
				s += ` \fI` + roffText(value) + `\fR`
			}
			names = append(names, s)
		}
		fmt.Fprintf(b, ".TP\n%s\n%s", strings.Join(names, ", "), roffLine(f.usage))
		if f.def != "" {
			fmt.Fprintf(b, " (default: %s)", roffText(f.def))
		}
		b.WriteString("\n")
	}
}

// roffText escapes text for roff: a backslash, and a hyphen (which roff
// would set as a typographic hyphen, not the minus of an option).
func roffText(s string) string {
	return strings.NewReplacer(`\`, `\e`, "-", `\-`).Replace(s)
}

// roffLine escapes a line of text: a line that starts with a period or an
// apostrophe would be read as a request.
func roffLine(s string) string {
	s = roffText(s)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// roffQuote quotes an argument of a request, such as .TH's.
func roffQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\e`, `"`, `\(dq`).Replace(s) + `"`
}
