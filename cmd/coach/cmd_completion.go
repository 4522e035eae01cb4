package main

import (
	"fmt"
	"io"
	"time"

	"github.com/coach-dev/coach/internal/completion"
	"github.com/urfave/cli/v2"
)

func newCompletionCommand(stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script for bash, zsh or fish",
		ArgsUsage: "bash|zsh|fish",
		Description: `completion prints a script that completes coach's commands, flags, person
ids, skill ids, git branches and tags, and ISO weeks in your shell; ids are
read from the repository you are in (or the one named by -C) as you type.
Only words that are valid ids, refs or coach's own flags are ever offered,
and the shell never expands them, so a repository cannot run code through
completion.

Examples:
   source <(coach completion bash)                       # in ~/.bashrc
   source <(coach completion zsh)                        # in ~/.zshrc, after compinit
   coach completion fish > ~/.config/fish/completions/coach.fish

Exit status: 0 ok, 2 wrong usage (a shell coach has no script for).`,
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("completion needs one shell: bash, zsh or fish")
			}
			script, ok := completion.Scripts[c.Args().First()]
			if !ok {
				return usagef("no completion for %q; use bash, zsh or fish", c.Args().First())
			}
			_, err := io.WriteString(stdout, script)
			return err
		},
	}
}

// newCompleteCommand is the hidden command the completion scripts call:
// coach __complete SHELL -- WORD... where the words are those after "coach"
// up to the one being completed (which may be empty). It prints the
// candidates for that last word, one a line, each followed by a tab and
// what it does for commands and flags; or ":files" or ":dirs" for the shell
// to complete a path. It prints nothing, and exits 0, when it has nothing
// to offer or cannot read the repository.
//
// coach __complete people|skills, which scripts written by earlier versions
// call, prints the valid person or skill ids.
func newCompleteCommand(stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:            "__complete",
		Hidden:          true,
		SkipFlagParsing: true,
		Usage:           "print the completion candidates for the words on a command line",
		Action: func(c *cli.Context) error {
			args := c.Args().Slice()
			if len(args) == 0 {
				return usagef("__complete needs a shell and the words to complete")
			}
			src := completion.RepoSource{}
			switch args[0] {
			case "people", "skills":
				// The interface of earlier scripts: ids of the repository
				// at -C.
				ids := src.People
				if args[0] == "skills" {
					ids = src.Skills
				}
				for _, id := range ids(repoDir(c)) {
					if completion.ValidID(id) {
						fmt.Fprintln(stdout, id)
					}
				}
				return nil
			case "bash", "zsh", "fish":
			default:
				return usagef("__complete: no shell %q", args[0])
			}
			words := args[1:]
			if len(words) > 0 && words[0] == "--" {
				words = words[1:]
			}
			comp := (&completion.Completer{App: c.App, Src: src, Now: time.Now()}).Complete(args[0], words)
			_, err := io.WriteString(stdout, comp.String())
			return err
		},
	}
}
