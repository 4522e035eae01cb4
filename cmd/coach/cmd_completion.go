package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/coach-dev/coach/skills"
	"github.com/urfave/cli/v2"
)

// The shell completion scripts are generated from the commands' definitions
// (names and flags) and ask the repository for what changes: person ids
// and skill ids come from `coach __complete people|skills`, run with the
// command line's -C, so they are the ids of the repository being typed at.

func newCompletionCommand(stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script for bash, zsh or fish",
		ArgsUsage: "bash|zsh|fish",
		Description: `completion prints a script that completes coach's commands, flags, person
ids and skill ids in your shell; ids are read from the repository you are
in (or the one named by -C) as you type.

Examples:
   source <(coach completion bash)                       # in ~/.bashrc
   source <(coach completion zsh)                        # in ~/.zshrc, after compinit
   coach completion fish > ~/.config/fish/completions/coach.fish

Exit status: 0 ok, 2 wrong usage (a shell coach has no script for).`,
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("completion needs one shell: bash, zsh or fish")
			}
			var script string
			switch c.Args().First() {
			case "bash":
				script = bashCompletion(c.App)
			case "zsh":
				// zsh runs the bash script through bashcompinit, so the
				// two shells cannot drift apart.
				script = "# zsh completion for coach: source <(coach completion zsh) in ~/.zshrc, after compinit\n" +
					"autoload -U +X bashcompinit && bashcompinit\n" + bashCompletion(c.App)
			case "fish":
				script = fishCompletion(c.App)
			default:
				return usagef("no completion for %q; use bash, zsh or fish", c.Args().First())
			}
			_, err := io.WriteString(stdout, script)
			return err
		},
	}
}

// newCompleteCommand is the hidden command the completion scripts call.
func newCompleteCommand(stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:   "__complete",
		Hidden: true,
		Usage:  "list person or skill ids, one a line, for the completion scripts",
		Action: func(c *cli.Context) error {
			repo, err := loadRepo(repoDir(c))
			if err != nil {
				return err
			}
			var ids []string
			switch c.Args().First() {
			case "people":
				for _, p := range repo.People {
					ids = append(ids, p.ID)
				}
			case "skills":
				m := repo.Matrix
				if m == nil {
					if m, err = skills.DefaultMatrix(); err != nil {
						return err
					}
				}
				ids = m.SkillIDs()
			default:
				return usagef("__complete lists people or skills")
			}
			for _, id := range ids {
				fmt.Fprintln(stdout, id)
			}
			return nil
		},
	}
}

// flagWords lists the ways to write flags on a command line.
func flagWords(flags []cli.Flag) []string {
	var out []string
	for _, f := range flags {
		for _, n := range f.Names() {
			if len(n) == 1 {
				out = append(out, "-"+n)
			} else {
				out = append(out, "--"+n)
			}
		}
	}
	return out
}

// formats lists the values of a command's --format flag.
func formats(cmd *cli.Command) []string {
	for _, f := range cmd.Flags {
		if sf, ok := f.(*cli.StringFlag); ok && sf.Name == "format" {
			_, list, _ := strings.Cut(sf.Usage, ": ")
			return strings.Split(list, ", ")
		}
	}
	return nil
}

// peopleCommands are the commands whose arguments are person ids.
var peopleCommands = []string{"plan", "agenda", "history"}

func visibleCommands(app *cli.App) []*cli.Command {
	var out []*cli.Command
	for _, c := range app.Commands {
		if !c.Hidden {
			out = append(out, c)
		}
	}
	return out
}

func bashCompletion(app *cli.App) string {
	var names []string
	for _, c := range visibleCommands(app) {
		names = append(names, c.Name)
	}
	names = append(names, "help")
	var flagCases, formatCases strings.Builder
	for _, c := range visibleCommands(app) {
		fmt.Fprintf(&flagCases, "\t\t%s) words=%q ;;\n", c.Name, strings.Join(append(flagWords(c.Flags), "--help"), " "))
		if f := formats(c); f != nil {
			fmt.Fprintf(&formatCases, "\t\t\t%s) words=%q ;;\n", c.Name, strings.Join(f, " "))
		}
	}
	return fmt.Sprintf(`# bash completion for coach: source <(coach completion bash)
_coach() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local cmd="" words="" i
	local dir=()
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-C) dir=(-C "${COMP_WORDS[i+1]}"); ((i++)) ;;
		-*) ;;
		*) [[ -z $cmd ]] && cmd=${COMP_WORDS[i]} ;;
		esac
	done
	case $prev in
	-C) COMPREPLY=($(compgen -d -- "$cur")); return ;;
	--svg | --output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--skill) COMPREPLY=($(compgen -W "$(coach "${dir[@]}" __complete skills 2>/dev/null)" -- "$cur")); return ;;
	--format)
		case $cmd in
%s		esac
		COMPREPLY=($(compgen -W "$words" -- "$cur")); return ;;
	esac
	if [[ -z $cmd ]]; then
		COMPREPLY=($(compgen -W %q -- "$cur"))
		return
	fi
	if [[ $cur == -* ]]; then
		case $cmd in
%s		esac
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
		return
	fi
	case $cmd in
	%s) COMPREPLY=($(compgen -W "$(coach "${dir[@]}" __complete people 2>/dev/null)" -- "$cur")) ;;
	completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")) ;;
	help) COMPREPLY=($(compgen -W %q -- "$cur")) ;;
	init) COMPREPLY=($(compgen -d -- "$cur")) ;;
	esac
}
complete -F _coach coach
`, formatCases.String(), strings.Join(append(names, flagWords(app.Flags)...), " "), flagCases.String(),
		strings.Join(peopleCommands, " | "), strings.Join(names, " "))
}

func fishCompletion(app *cli.App) string {
	var b strings.Builder
	b.WriteString(`# fish completion for coach: coach completion fish > ~/.config/fish/completions/coach.fish
function __coach_ids --description 'person or skill ids of the repository on the command line'
    set -l words (commandline -opc)
    set -l dir
    if set -l i (contains -i -- -C $words)
        set dir -C $words[(math $i + 1)]
    end
    coach $dir __complete $argv 2>/dev/null
end
complete -c coach -f
`)
	var names []string
	for _, c := range visibleCommands(app) {
		names = append(names, c.Name)
	}
	for _, f := range app.Flags {
		extra := ""
		if f.Names()[0] == "C" {
			extra = " -x -a '(__fish_complete_directories)'"
		}
		fmt.Fprintf(&b, "complete -c coach -n __fish_use_subcommand %s%s -d %s\n", fishFlag(f), extra, fishQuote(flagUsage(f)))
	}
	for _, c := range visibleCommands(app) {
		fmt.Fprintf(&b, "complete -c coach -n __fish_use_subcommand -a %s -d %s\n", c.Name, fishQuote(c.Usage))
		cond := "'__fish_seen_subcommand_from " + c.Name + "'"
		for _, f := range c.Flags {
			extra := ""
			switch {
			case f.Names()[0] == "format":
				extra = " -x -a " + fishQuote(strings.Join(formats(c), " "))
			case f.Names()[0] == "skill":
				extra = " -x -a '(__coach_ids skills)'"
			case f.Names()[0] == "svg" || f.Names()[0] == "output":
				extra = " -r -F"
			}
			fmt.Fprintf(&b, "complete -c coach -n %s %s%s -d %s\n", cond, fishFlag(f), extra, fishQuote(flagUsage(f)))
		}
	}
	fmt.Fprintf(&b, "complete -c coach -n '__fish_seen_subcommand_from %s' -a '(__coach_ids people)'\n", strings.Join(peopleCommands, " "))
	b.WriteString("complete -c coach -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'\n")
	fmt.Fprintf(&b, "complete -c coach -n '__fish_seen_subcommand_from help' -a %s\n", fishQuote(strings.Join(names, " ")))
	return b.String()
}

func fishFlag(f cli.Flag) string {
	var parts []string
	names := f.Names()
	sort.SliceStable(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	for _, n := range names {
		if len(n) == 1 {
			parts = append(parts, "-s "+n)
		} else {
			parts = append(parts, "-l "+n)
		}
	}
	return strings.Join(parts, " ")
}

func flagUsage(f cli.Flag) string {
	if df, ok := f.(cli.DocGenerationFlag); ok {
		return strings.ReplaceAll(df.GetUsage(), "`", "")
	}
	return ""
}

func fishQuote(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
}
