package main

// Private notes are plain text only in three places: this process's memory,
// a terminal, and, while the leader's editor is open, one 0600 file in a 0700
// temporary directory that is removed when the edit ends, however it ends
// (an error, the editor failing, Ctrl-C). They are never printed to a pipe
// or a file unless --pipe says so, and never written into plans/ or
// agendas/.

import (
	"context"
	"errors"
	"fmt"
	"github.com/coach-dev/coach/internal/files"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"filippo.io/age"
	"github.com/coach-dev/coach/internal/workspace"
	"github.com/coach-dev/coach/skills"
	"github.com/urfave/cli/v2"
)

// identityEnv names the identity file when --identity is not given.
const identityEnv = "COACH_AGE_IDENTITY"

type notesOptions struct {
	Dir        string
	People     []string
	All        bool
	Identities []string // --identity files; empty: identityEnv, then the default file
	Edit       bool
	Encrypt    bool
	Pipe       bool
	Editor     string // the command line of $VISUAL or $EDITOR
	// TrustNewRecipients encrypts to recipients added to coach.toml since
	// the leader's last commit.
	TrustNewRecipients bool
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
				Editor: editorCommand(), TrustNewRecipients: c.Bool("trust-new-recipients")}
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

// editorCommand is the editor a leader has chosen: $VISUAL, then $EDITOR,
// then vi, as most Unix tools choose it.
func editorCommand() string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if e := strings.TrimSpace(os.Getenv(v)); e != "" {
			return e
		}
	}
	return "vi"
}

// errEditInterrupted means the edit was interrupted; nothing was written.
var errEditInterrupted = errors.New("interrupted; the notes were not changed and the temporary file was removed")

// notesTarget is one person's skill file and where its notes stand.
type notesTarget struct {
	id, path, file string // person id, path relative to the root, path on disk
	notes          skills.Notes
}

func readNotes(repo *skills.Repo, id string) (*notesTarget, error) {
	p, err := repo.Person(id)
	if err != nil {
		return nil, err
	}
	t := &notesTarget{id: p.ID, path: p.Path, file: filepath.Join(repo.Root, filepath.FromSlash(p.Path))}
	src, err := os.ReadFile(t.file)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", p.Path, err)
	}
	if t.notes, err = skills.FindNotes(src); err != nil {
		return nil, notesProblem(t, err)
	}
	return t, nil
}

func notesProblem(t *notesTarget, err error) error {
	return &skills.ProblemsError{Problems: skills.Problems{{Path: t.path, Line: t.notes.Line, Col: t.notes.Col,
		Severity: skills.Error, Message: err.Error()}}}
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
		return encryptNotes(repo, ids, opts, stderr)
	case opts.Edit:
		return editNotes(repo, opts, stdout, stderr)
	}
	t, err := readNotes(repo, opts.People[0])
	if err != nil {
		return err
	}
	if !t.notes.Present || t.notes.Empty() {
		stderr.Errorf("%s has no private notes; write some with `coach notes %s --edit`", t.path, t.id)
		return nil
	}
	if err := privateOutput(stdout, opts.Pipe, "notes "+t.id); err != nil {
		return err
	}
	plain, err := openNotes(t, opts.Identities, stderr)
	if err != nil {
		return err
	}
	warnStanzas(t, repo, stderr)
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
	return &usageError{msg: "stdout is not a terminal: the plain text of the notes would be left wherever it goes",
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

// openNotes returns a target's notes as plain text: decrypted, or as written
// when they are plain already (with a warning).
func openNotes(t *notesTarget, identityFiles []string, stderr *report) (string, error) {
	if !t.notes.Present || t.notes.Empty() {
		return "", nil
	}
	if !t.notes.Encrypted() {
		stderr.Warnf("%s:%d:%d: the notes are plain text; encrypt them with `coach notes %s --encrypt`",
			t.path, t.notes.Line, t.notes.Col, t.id)
		return t.notes.Value, nil
	}
	ids, from, err := loadIdentities(identityFiles)
	if err != nil {
		return "", err
	}
	plain, err := skills.DecryptNotes(t.notes.Value, ids)
	if errors.Is(err, skills.ErrNotRecipient) {
		return "", fmt.Errorf("%s: %w (tried %s); a recipient can add your public key to coach.toml's [private] recipients and run `coach notes %s --encrypt`",
			t.path, err, from, t.id)
	}
	if err != nil {
		return "", notesProblem(t, err)
	}
	return plain, nil
}

// defaultIdentityFile is where a leader's identity lives when nothing else
// says: coach/identity.txt in the user's configuration directory.
func defaultIdentityFile() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "coach", "identity.txt"), nil
}

// loadIdentities reads the identity files; from names them for messages.
func loadIdentities(files []string) (ids []age.Identity, from string, err error) {
	if len(files) == 0 {
		if env := os.Getenv(identityEnv); env != "" {
			files = []string{env}
		} else {
			def, err := defaultIdentityFile()
			if err != nil {
				return nil, "", &usageError{msg: "no identity to decrypt with: " + err.Error(), hint: "pass --identity FILE"}
			}
			if _, err := os.Stat(def); err != nil {
				return nil, "", &usageError{msg: fmt.Sprintf("no identity to decrypt with: %s does not exist", def),
					hint: fmt.Sprintf("make one with `age-keygen -o %s` and ask a recipient to add its public key to coach.toml, or pass --identity FILE or set %s", def, identityEnv)}
			}
			files = []string{def}
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, "", &usageError{msg: fmt.Sprintf("read identity %s: %v", f, err), hint: "pass --identity FILE, an age identity from age-keygen"}
		}
		got, err := skills.ParseIdentities(data)
		if err != nil {
			return nil, "", &usageError{msg: fmt.Sprintf("read identity %s: %v", f, err), hint: "pass --identity FILE, an age identity from age-keygen"}
		}
		ids = append(ids, got...)
	}
	return ids, strings.Join(files, ", "), nil
}

// recipients are coach.toml's, parsed; none is wrong usage, with the fix.
func recipients(repo *skills.Repo) ([]age.Recipient, error) {
	list := repo.Config.Private.Recipients
	if len(list) == 0 {
		return nil, &usageError{msg: "coach.toml lists no [private] recipients to encrypt the notes to",
			hint: "add your public key (the age1... line `age-keygen` prints) to coach.toml: [private] recipients = [\"age1...\"]"}
	}
	out := make([]age.Recipient, 0, len(list))
	for i, s := range list {
		r, err := skills.ParseRecipient(s)
		if err != nil {
			return nil, fmt.Errorf("coach.toml: recipient %d: %w", i+1, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// writeNotes encrypts plain to the recipients and writes it as t's notes,
// replacing only their text in the skill file as it is on disk now. The file
// is read again first: if its notes changed since t was read, nothing is
// written.
func writeNotes(t *notesTarget, plain string, rs []age.Recipient) error {
	value := ""
	if strings.TrimSpace(plain) != "" {
		var err error
		if value, err = skills.EncryptNotes(plain, rs); err != nil {
			return fmt.Errorf("encrypt the notes of %s: %w", t.path, err)
		}
	}
	src, err := os.ReadFile(t.file)
	if err != nil {
		return fmt.Errorf("read %s: %w", t.path, err)
	}
	now, err := skills.FindNotes(src)
	if err != nil {
		return notesProblem(t, err)
	}
	if now.Present != t.notes.Present || now.Value != t.notes.Value {
		return fmt.Errorf("the notes in %s changed while coach was working on them (a git pull or another edit?); nothing was written: run the command again", t.path)
	}
	out, err := skills.SetNotes(src, now, value)
	if err != nil {
		return fmt.Errorf("%s: %w", t.path, err)
	}
	// The skill file is replaced only if it still holds what was read, and
	// keeps its permissions (see files.go).
	if err := files.Replace(context.Background(), t.file, t.path, src, out, "coach notes "+skills.PersonID(t.path)+" --edit"); err != nil {
		return err
	}
	return nil
}

func encryptNotes(repo *skills.Repo, people []string, opts notesOptions, stderr *report) error {
	rs, err := recipients(repo)
	if err != nil {
		return err
	}
	if err := checkNewRecipients(repo, opts.TrustNewRecipients); err != nil {
		return err
	}
	for _, id := range people {
		t, err := readNotes(repo, id)
		if err != nil {
			return err
		}
		if !t.notes.Present || t.notes.Empty() {
			if !opts.All {
				stderr.Errorf("%s has no private notes to encrypt", t.path)
			}
			continue
		}
		verb := "encrypted"
		if t.notes.Encrypted() {
			verb = "re-encrypted"
		}
		plain, err := openNotes(t, opts.Identities, newReport(io.Discard))
		if err != nil {
			return err
		}
		if err := writeNotes(t, plain, rs); err != nil {
			return err
		}
		stderr.Errorf("%s the notes in %s to %d recipient(s)", verb, t.path, len(rs))
	}
	return nil
}

func editNotes(repo *skills.Repo, opts notesOptions, stdout io.Writer, stderr *report) (err error) {
	rs, err := recipients(repo)
	if err != nil {
		return err
	}
	if err := checkNewRecipients(repo, opts.TrustNewRecipients); err != nil {
		return err
	}
	t, err := readNotes(repo, opts.People[0])
	if err != nil {
		return err
	}
	plain, err := openNotes(t, opts.Identities, stderr)
	if err != nil {
		return err
	}
	warnStanzas(t, repo, stderr)

	// From here until the deferred removal, the plain text is on disk.
	dir, err := os.MkdirTemp("", "coach-notes-")
	if err != nil {
		return fmt.Errorf("make a private temporary directory: %w", err)
	}
	defer func() {
		if rmErr := os.RemoveAll(dir); rmErr != nil && err == nil {
			err = fmt.Errorf("remove the temporary notes in %s: %w; delete it by hand", dir, rmErr)
		}
	}()
	if err := os.Chmod(dir, 0o700); err != nil {
		return err
	}
	if plain != "" && !strings.HasSuffix(plain, "\n") {
		plain += "\n" // editors expect a last newline, and add one anyway
	}
	file := filepath.Join(dir, t.id+"-notes.md")
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("make the temporary notes file: %w", err)
	}
	_, werr := io.WriteString(f, plain)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return fmt.Errorf("write the temporary notes file: %w", werr)
	}

	// Ctrl-C (or closing the terminal) reaches the editor too; coach waits
	// for it to exit, then cleans up instead of dying with the file still
	// there.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	editErr := runEditor(opts.Editor, file, stdout, stderr)
	select {
	case <-sigs:
		return errEditInterrupted
	default:
	}
	var exit *exec.ExitError
	if errors.As(editErr, &exit) && exit.ExitCode() == 130 {
		return errEditInterrupted // the editor's own Ctrl-C, as shells report it
	}
	if editErr != nil {
		return fmt.Errorf("%w; the notes were not changed", editErr)
	}

	edited, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("read the edited notes: %w", err)
	}
	if string(edited) == plain && (t.notes.Encrypted() || t.notes.Empty()) {
		stderr.Errorf("the notes of %s are unchanged; nothing was written", t.id)
		return nil
	}
	if err := writeNotes(t, string(edited), rs); err != nil {
		return err
	}
	if strings.TrimSpace(string(edited)) == "" {
		stderr.Errorf("removed the notes of %s from %s", t.id, t.path)
		return nil
	}
	stderr.Wrotef("wrote %s: the notes are encrypted to %d recipient(s)", t.path, len(rs))
	return nil
}

// runEditor opens file in the editor command line, through the shell as git
// does, so that EDITOR="code --wait" works.
func runEditor(editor, file string, stdout io.Writer, stderr *report) error {
	var cmd *exec.Cmd
	if runtime.GOOS == "windows" {
		args := strings.Fields(editor)
		cmd = exec.Command(args[0], append(args[1:], file)...)
	} else {
		cmd = exec.Command("sh", "-c", editor+` "$@"`, editor, file)
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, stdout, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("the editor (%s) failed: %w", editor, err)
	}
	return nil
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
		pl, err := t.Plan(person)
		if err != nil {
			return err
		}
		content, err := t.Render(person, pl)
		if err != nil {
			return err
		}
		target, err := readNotes(t.Repo, person.ID)
		if err != nil {
			return err
		}
		notes, err := openNotes(target, p.Identities, stderr)
		if err != nil {
			return err
		}
		var b strings.Builder
		b.Write(content)
		b.WriteString("\n## Private notes\n\n")
		b.WriteString("_Decrypted for this terminal; never written to a file._\n\n")
		if strings.TrimSpace(notes) == "" {
			b.WriteString("None.\n")
		} else {
			b.WriteString(strings.TrimRight(notes, "\n") + "\n")
		}
		// The plan (a template's own text too) and the notes, with their
		// control characters shown, not sent.
		if _, err := stdout.Write(shown([]byte(b.String()))); err != nil {
			return err
		}
	}
	return nil
}
