package main

// Private notes are plain text only in three places: this process's memory,
// a terminal, and, while the leader's editor is open, one 0600 file in a 0700
// temporary directory that is removed when the edit ends, however it ends
// (an error, the editor failing, Ctrl-C). They are never printed to a pipe
// or a file unless --pipe says so, and never written into plans/ or
// agendas/.

import (
	"fmt"
	"github.com/coach-dev/coach/internal/notes"
	"io"
	"os"
	"strings"

	"github.com/coach-dev/coach/internal/workspace"
	"github.com/coach-dev/coach/skills"
	"github.com/urfave/cli/v2"
)

type notesOptions struct {
	Dir        string
	People     []string
	All        bool
	Identities []string // --identity files; empty: notes.IdentityEnv, then the default file
	Edit       bool
	Encrypt    bool
	Pipe       bool
	Editor     string // the command line of $VISUAL or $EDITOR
	// TrustNewRecipients encrypts to recipients added to coach.toml since
	// the leader's last commit.
	TrustNewRecipients bool
}

func (o notesOptions) notes() notes.Options {
	return notes.Options{Identities: o.Identities, TrustNewRecipients: o.TrustNewRecipients, All: o.All, Editor: o.Editor}
}

func newNotesCommand(stdout io.Writer, stderr *report) *cli.Command {
	return &cli.Command{
		Name:      "notes",
		Usage:     "read, write and encrypt a person's private notes",
		ArgsUsage: "NAME | --encrypt NAME... | --encrypt --all",
		Description: `notes shows a person's [private] notes, decrypted with your age identity, on
the terminal. The notes are stored in skills/NAME.toml encrypted with age
(https://age-encryption.org) to the public keys in coach.toml:

   [private]
   recipients = ["age1...", "ssh-ed25519 AAAA... sam@laptop"]

so anyone with the repository sees that notes exist, their size and when they
changed, and only those keys can read them. coach check fails on plain-text
notes.

--edit opens the notes in $VISUAL (or $EDITOR, or vi) and encrypts what you
save. The plain text is in a 0600 file in a private temporary directory
($TMPDIR) only while the editor is open, and removed afterwards, also on an
error or Ctrl-C. Only the notes' text in the skill file changes; every other
byte of it is kept.

--encrypt encrypts plain-text notes in place, or re-encrypts encrypted ones to
coach.toml's recipients as they are now (after adding a co-manager's key).
With --all it does so for everyone.

A recipient is a key that reads every note encrypted to it, and anyone who
can push can add one to coach.toml. So --edit and --encrypt refuse to
encrypt to a recipient that was added since your last commit (the newest
commit whose committer is your git identity, $GIT_COMMITTER_EMAIL or
user.email), unless --trust-new-recipients says you know whose keys they
are; a recipient you added yourself in the working tree is yours. And
notes says when a note is encrypted to other keys than coach.toml lists, as
far as the file shows (the number of age keys, and the tag of each SSH
key), or else when coach.toml's recipients changed since the commit that
wrote the note (one age key looks like any other in the file): re-encrypt
it with --encrypt.

Your identity is read from --identity FILE, else from the file named by
$COACH_AGE_IDENTITY, else from coach/identity.txt in your configuration
directory (~/.config/coach/identity.txt on Linux). It is an age identity
(age-keygen -o ~/.config/coach/identity.txt) or an SSH private key without a
passphrase.

The notes are printed only to a terminal: with stdout redirected to a file or
a pipe, notes refuses unless --pipe is given, since the plain text would then
be wherever it is sent.

Examples:
   coach notes alice
   coach notes alice --edit
   coach notes alice --encrypt
   coach notes --all --encrypt              # after adding a recipient to coach.toml
   coach notes alice --pipe | less
   coach plan alice --private               # the plan with the notes, on the terminal

Exit status: 0 ok, 1 an unknown person, notes your key cannot open, a
skill file that cannot be read, or new recipients refused (coach.toml lists
one that came in with someone else's commit; --trust-new-recipients), 2
wrong usage (no identity, no recipients, stdout not a terminal without
--pipe), 130 interrupted (nothing was written).`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "identity", Aliases: []string{"i"}, Usage: "read your age identity from `FILE` (repeatable)"},
			&cli.BoolFlag{Name: "edit", Usage: "edit the notes in $VISUAL or $EDITOR, then encrypt them"},
			&cli.BoolFlag{Name: "encrypt", Usage: "encrypt plain-text notes, or re-encrypt to coach.toml's recipients"},
			&cli.BoolFlag{Name: "all", Usage: "with --encrypt: everyone with a skill file"},
			&cli.BoolFlag{Name: "pipe", Usage: "print the notes even when stdout is not a terminal"},
			&cli.BoolFlag{Name: "trust-new-recipients", Usage: "encrypt to recipients added to coach.toml since your last commit"},
		},
		Action: func(c *cli.Context) error {
			opts := notesOptions{Dir: repoDir(c), People: c.Args().Slice(), All: c.Bool("all"),
				Identities: c.StringSlice("identity"), Edit: c.Bool("edit"), Encrypt: c.Bool("encrypt"), Pipe: c.Bool("pipe"),
				Editor: notes.EditorCommand(), TrustNewRecipients: c.Bool("trust-new-recipients")}
			switch {
			case opts.Edit && opts.Encrypt:
				return usagef("give --edit or --encrypt, not both")
			case opts.All && !opts.Encrypt:
				return usagef("--all goes with --encrypt only; notes are read and edited one person at a time")
			case opts.Pipe && (opts.Edit || opts.Encrypt):
				return usagef("--pipe is for printing the notes; --edit and --encrypt print nothing")
			case opts.TrustNewRecipients && !opts.Edit && !opts.Encrypt:
				return usagef("--trust-new-recipients goes with --edit or --encrypt, which encrypt")
			}
			if opts.Encrypt {
				if err := namesOrAll("notes --encrypt", opts.People, opts.All); err != nil {
					return err
				}
			} else if len(opts.People) != 1 {
				return usagef("notes needs one NAME; got %d", len(opts.People))
			}
			return runNotes(opts, stdout, stderr)
		},
	}
}

func runNotes(opts notesOptions, stdout io.Writer, stderr *report) error {
	repo, err := workspace.Load(opts.Dir)
	if err != nil {
		return err
	}
	if ps := repo.ProblemsIn(skills.ConfigFile); ps.Errors() > 0 {
		return &skills.ProblemsError{Problems: ps}
	}
	switch {
	case opts.Encrypt:
		ids := opts.People
		if opts.All {
			ids = nil
			for _, p := range repo.People {
				ids = append(ids, p.ID)
			}
		}
		return notes.Encrypt(repo, ids, opts.notes(), stderr)
	case opts.Edit:
		return notes.EditAndSave(repo, opts.People[0], opts.notes(), stdout, stderr)
	}
	t, err := notes.Read(repo, opts.People[0])
	if err != nil {
		return err
	}
	if !t.Notes.Present || t.Notes.Empty() {
		stderr.Errorf("%s has no private notes; write some with `coach notes %s --edit`", t.Path, t.ID)
		return nil
	}
	if err := privateOutput(stdout, opts.Pipe, "notes "+t.ID); err != nil {
		return err
	}
	plain, err := notes.Open(t, opts.Identities, stderr)
	if err != nil {
		return err
	}
	notes.WarnStanzas(t, repo, stderr)
	if !strings.HasSuffix(plain, "\n") {
		plain += "\n"
	}
	// Anyone who can push can encrypt a note to the recipients: its
	// control characters are shown, not sent to the terminal.
	_, err = io.WriteString(stdout, skills.EscapeControls(plain))
	return err
}

// privateOutput refuses to print plain text where it would outlive the
// terminal, unless the leader said so.
func privateOutput(stdout io.Writer, pipe bool, command string) error {
	if pipe || isTerminal(stdout) {
		return nil
	}
	return &usageError{msg: "stdout is not a terminal: the plain text would be left wherever it goes",
		hint: fmt.Sprintf("run `coach %s` in a terminal, or add --pipe if you mean to send it there", command)}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// private is plan's --private and the flags that go with it.
type private struct {
	On         bool
	Identities []string
	Pipe       bool
}

func (p private) usage(opts planOptions) error {
	switch {
	case !p.On && (len(p.Identities) > 0 || p.Pipe):
		return usagef("--identity and --pipe go with --private")
	case !p.On:
		return nil
	}
	for _, f := range []struct {
		name string
		set  bool
	}{{"--check", opts.Check}, {"--force", opts.Force}, {"--format " + opts.Format, opts.Format != "md"}} {
		if f.set {
			return usagef("--private prints the plan with the private notes to the terminal and never writes a file; it does not go with %s", f.name)
		}
	}
	return nil
}

// printPrivatePlans prints each plan followed by the person's decrypted notes.
// Nothing is written to plans/: a plan file is committed, and the notes must
// never be.
func printPrivatePlans(t *workspace.Workspace, people []*skills.Person, p private, stdout io.Writer, stderr *report) error {
	if err := privateOutput(stdout, p.Pipe, "plan --private"); err != nil {
		return err
	}
	for _, person := range people {
		b, err := notes.PrivatePlan(t, person, p.Identities, stderr)
		if err != nil {
			return err
		}
		// The plan (a template's own text too) and the notes, with their
		// control characters shown, not sent.
		if _, err := stdout.Write(shown(b)); err != nil {
			return err
		}
	}
	return nil
}
