// Package notes reads, decrypts, encrypts and writes the private notes of a
// skill file, and checks who they are encrypted to.
package notes

// Who can read private notes is coach.toml's [private] recipients, and
// anyone who can push can add a key there. Nothing is encrypted to a
// recipient the leader has not seen (one added since their last commit)
// unless they say so, and a note encrypted to other keys than coach.toml
// lists is pointed out when it is read.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"filippo.io/age"
	"github.com/coach-dev/coach/history"
	"github.com/coach-dev/coach/internal/files"
	"github.com/coach-dev/coach/internal/workspace"
	"github.com/coach-dev/coach/skills"
)

// Warner hears the warnings about notes: plain text, other keys than
// coach.toml's.
type Warner interface {
	Warnf(format string, a ...any)
}

// UsageError is a note that cannot be read or written as asked: no
// identity, no recipient. Hint is the fix.
type UsageError struct{ Msg, Hint string }

func (e *UsageError) Error() string { return e.Msg }

// UsageHint is the hint printed after the error.
func (e *UsageError) UsageHint() string { return e.Hint }

// IdentityEnv names the identity file when --identity is not given.
const IdentityEnv = "COACH_AGE_IDENTITY"

// Target is one person's skill file and where its notes stand.
type Target struct {
	ID, Path, File string // person id, path relative to the root, path on disk
	Notes          skills.Notes
}

// Read reads the notes of person id from their skill file.
func Read(repo *skills.Repo, id string) (*Target, error) {
	p, err := repo.Person(id)
	if err != nil {
		return nil, err
	}
	t := &Target{ID: p.ID, Path: p.Path, File: filepath.Join(repo.Root, filepath.FromSlash(p.Path))}
	src, err := os.ReadFile(t.File)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", p.Path, err)
	}
	if t.Notes, err = skills.FindNotes(src); err != nil {
		return nil, problem(t, err)
	}
	return t, nil
}

func problem(t *Target, err error) error {
	return &skills.ProblemsError{Problems: skills.Problems{{Path: t.Path, Line: t.Notes.Line, Col: t.Notes.Col,
		Severity: skills.Error, Message: err.Error()}}}
}

// Open returns a target's notes as plain text: decrypted, or as written
// when they are plain already (with a warning).
func Open(t *Target, identityFiles []string, w Warner) (string, error) {
	if !t.Notes.Present || t.Notes.Empty() {
		return "", nil
	}
	if !t.Notes.Encrypted() {
		w.Warnf("%s:%d:%d: the notes are plain text; encrypt them with `coach notes %s --encrypt`",
			t.Path, t.Notes.Line, t.Notes.Col, t.ID)
		return t.Notes.Value, nil
	}
	ids, from, err := LoadIdentities(identityFiles)
	if err != nil {
		return "", err
	}
	plain, err := skills.DecryptNotes(t.Notes.Value, ids)
	if errors.Is(err, skills.ErrNotRecipient) {
		return "", fmt.Errorf("%s: %w (tried %s); a recipient can add your public key to coach.toml's [private] recipients and run `coach notes %s --encrypt`",
			t.Path, err, from, t.ID)
	}
	if err != nil {
		return "", problem(t, err)
	}
	return plain, nil
}

// DefaultIdentityFile is where a leader's identity lives when nothing else
// says: coach/identity.txt in the user's configuration directory.
func DefaultIdentityFile() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "coach", "identity.txt"), nil
}

// LoadIdentities reads the identity files (none given: the file
// $COACH_AGE_IDENTITY names, then the default file); from names them for
// messages. Peer feedback is opened with the same identities.
func LoadIdentities(files []string) (ids []age.Identity, from string, err error) {
	if len(files) == 0 {
		if env := os.Getenv(IdentityEnv); env != "" {
			files = []string{env}
		} else {
			def, err := DefaultIdentityFile()
			if err != nil {
				return nil, "", &UsageError{Msg: "no identity to decrypt with: " + err.Error(), Hint: "pass --identity FILE"}
			}
			if _, err := os.Stat(def); err != nil {
				return nil, "", &UsageError{Msg: fmt.Sprintf("no identity to decrypt with: %s does not exist", def),
					Hint: fmt.Sprintf("make one with `age-keygen -o %s` and ask a recipient to add its public key to coach.toml, or pass --identity FILE or set %s", def, IdentityEnv)}
			}
			files = []string{def}
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, "", &UsageError{Msg: fmt.Sprintf("read identity %s: %v", f, err), Hint: "pass --identity FILE, an age identity from age-keygen"}
		}
		got, err := skills.ParseIdentities(data)
		if err != nil {
			return nil, "", &UsageError{Msg: fmt.Sprintf("read identity %s: %v", f, err), Hint: "pass --identity FILE, an age identity from age-keygen"}
		}
		ids = append(ids, got...)
	}
	return ids, strings.Join(files, ", "), nil
}

// Recipients are coach.toml's, parsed; none is wrong usage, with the fix.
func Recipients(repo *skills.Repo) ([]age.Recipient, error) {
	list := repo.Config.Private.Recipients
	if len(list) == 0 {
		return nil, &UsageError{Msg: "coach.toml lists no [private] recipients to encrypt the notes to",
			Hint: "add your public key (the age1... line `age-keygen` prints) to coach.toml: [private] recipients = [\"age1...\"]"}
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

// Write encrypts plain to the recipients and writes it as t's notes,
// replacing only their text in the skill file as it is on disk now. The file
// is read again first: if its notes changed since t was read, nothing is
// written.
func Write(t *Target, plain string, rs []age.Recipient) error {
	value := ""
	if strings.TrimSpace(plain) != "" {
		var err error
		if value, err = skills.EncryptNotes(plain, rs); err != nil {
			return fmt.Errorf("encrypt the notes of %s: %w", t.Path, err)
		}
	}
	src, err := os.ReadFile(t.File)
	if err != nil {
		return fmt.Errorf("read %s: %w", t.Path, err)
	}
	now, err := skills.FindNotes(src)
	if err != nil {
		return problem(t, err)
	}
	if now.Present != t.Notes.Present || now.Value != t.Notes.Value {
		return fmt.Errorf("the notes in %s changed while coach was working on them (a git pull or another edit?); nothing was written: run the command again", t.Path)
	}
	out, err := skills.SetNotes(src, now, value)
	if err != nil {
		return fmt.Errorf("%s: %w", t.Path, err)
	}
	// The skill file is replaced only if it still holds what was read, and
	// keeps its permissions (see package files).
	if err := files.Replace(context.Background(), t.File, t.Path, src, out, "coach notes "+skills.PersonID(t.Path)+" --edit"); err != nil {
		return err
	}
	return nil
}

// NewRecipientsError refuses to encrypt to recipients the leader has not
// seen.
type NewRecipientsError struct{ Msg, Hint string }

func (e *NewRecipientsError) Error() string { return e.Msg }

// CheckNewRecipients refuses when coach.toml lists a recipient that HEAD's
// coach.toml lists and the coach.toml of the leader's last commit did not:
// one that came in with someone else's commit. A recipient added in the
// working tree is the leader's own; a repository without commits has no
// one else's.
func CheckNewRecipients(repo *skills.Repo, trust bool) error {
	return CheckNewKeys(repo, trust, Keys{What: "[private] recipients", For: "the notes",
		List: func(c skills.Config) []string { return c.Private.Recipients }})
}

// Keys are public keys of coach.toml that something is encrypted to: What
// names them ("[private] recipients"), For what they would read ("the
// notes"), List picks them from a coach.toml.
type Keys struct {
	What, For string
	List      func(skills.Config) []string
}

// CheckNewKeys is CheckNewRecipients for any keys of coach.toml: peer
// feedback is encrypted to the [private] recipients and, when it is shared
// with the person, to their key in [feedback] keys.
func CheckNewKeys(repo *skills.Repo, trust bool, keys Keys) error {
	if trust {
		return nil
	}
	snaps, err := history.OpenSnapshots(repo.Root)
	if errors.Is(err, history.ErrNotGit) {
		return nil // no history: every recipient is the working tree's
	}
	if errors.Is(err, history.ErrSHA256) || errors.Is(err, history.ErrUnsupported) {
		return &NewRecipientsError{
			Msg:  fmt.Sprintf("coach cannot read this repository's history (%v), so it cannot tell which of coach.toml's %s you have seen", err, keys.What),
			Hint: "check whose keys they are (git log -p coach.toml), then run again with --trust-new-recipients",
		}
	}
	if err != nil {
		return err
	}
	defer snaps.Close()
	head, err := snaps.At("HEAD")
	if err != nil {
		return err
	}
	if head.Commit == "" {
		return nil
	}
	email := snaps.CommitterEmail()
	mine, err := snaps.LastCommitBy(email)
	if err != nil {
		return err
	}
	in := func(config []byte) []string {
		if config == nil {
			return nil
		}
		cfg, _ := skills.DecodeConfig(skills.ConfigFile, config)
		return keys.List(cfg)
	}
	seen := map[string]bool{}
	if mine != nil {
		for _, r := range in(mine.Config) {
			seen[skills.RecipientKey(r)] = true
		}
	}
	atHead := map[string]bool{}
	for _, r := range in(head.Config) {
		atHead[skills.RecipientKey(r)] = true
	}
	var added []string
	for _, r := range keys.List(repo.Config) {
		if k := skills.RecipientKey(r); atHead[k] && !seen[k] {
			added = append(added, strings.TrimSpace(r))
		}
	}
	if len(added) == 0 {
		return nil
	}
	since := "since your last commit"
	switch {
	case email == "":
		since = "by commits, and git has no committer email for you (user.email), so coach cannot tell which you have seen"
	case mine == nil:
		since = fmt.Sprintf("by commits, and no commit in this history has your committer email (%s), so coach cannot tell which you have seen", email)
	default:
		since = fmt.Sprintf("since your last commit (%s, %s, as %s)", mine.Rev, mine.When.Format("2006-01-02"), email)
	}
	return &NewRecipientsError{
		Msg: fmt.Sprintf("coach.toml's %s include %d key(s) added %s: %s; %s would be encrypted to them, and anyone holding one would read them",
			keys.What, len(added), since, strings.Join(added, ", "), keys.For),
		Hint: "check whose keys they are (git log -p coach.toml); run again with --trust-new-recipients if you know, or remove them from coach.toml",
	}
}

// WarnStanzas says when a note is encrypted to other keys than coach.toml
// lists, as far as the file shows: how many keys of each type, and the tag
// of each SSH key.
func WarnStanzas(t *Target, repo *skills.Repo, w Warner) {
	if !t.Notes.Encrypted() {
		return
	}
	have, err := skills.NoteStanzas(t.Notes.Value)
	if err != nil {
		return // reported where the notes are read
	}
	var want []skills.Stanza
	for _, s := range repo.Config.Private.Recipients {
		r, err := skills.ParseRecipient(s)
		if err != nil {
			return // coach check reports it
		}
		st, err := skills.RecipientStanza(r)
		if err != nil {
			return
		}
		want = append(want, st)
	}
	if !skills.StanzasDiffer(have, want) {
		warnWrittenFor(t, repo, w)
		return
	}
	w.Warnf("%s: the notes are encrypted to %s, and coach.toml's [private] recipients are %s; re-encrypt them to coach.toml's with `coach notes %s --encrypt`",
		t.Path, describeStanzas(have), describeStanzas(want), t.ID)
}

// describeStanzas counts stanzas by type, naming each SSH key's tag:
// "2 keys (1 X25519, 1 ssh-ed25519 Hx1J9g)".
func describeStanzas(ss []skills.Stanza) string {
	if len(ss) == 0 {
		return "no keys"
	}
	count := map[string]int{}
	for _, s := range ss {
		count[s.String()]++
	}
	var parts []string
	for k, n := range count {
		parts = append(parts, fmt.Sprintf("%d %s", n, k))
	}
	sort.Strings(parts)
	return fmt.Sprintf("%d key(s) (%s)", len(ss), strings.Join(parts, ", "))
}

// warnWrittenFor says when the recipients coach.toml lists now are not
// those it listed at the commit that wrote a note: what the note's stanzas
// cannot show, since one age key looks like any other. A note not
// committed yet was written here, to coach.toml as it is.
func warnWrittenFor(t *Target, repo *skills.Repo, w Warner) {
	snaps, err := history.OpenSnapshots(repo.Root)
	if err != nil {
		return // no git, or one coach cannot read: nothing to compare with
	}
	defer snaps.Close()
	want := skills.NotesFingerprint(t.Notes.Value)
	writer, err := snaps.WrittenIn(t.Path, func(data []byte) bool {
		n, err := skills.FindNotes(data)
		return err == nil && skills.NotesFingerprint(n.Value) == want
	})
	if err != nil || writer == nil {
		return
	}
	then := map[string]bool{}
	for _, r := range workspace.RecipientsIn(writer.Config) {
		then[skills.RecipientKey(r)] = true
	}
	now := map[string]bool{}
	var added, removed []string
	for _, r := range repo.Config.Private.Recipients {
		k := skills.RecipientKey(r)
		now[k] = true
		if !then[k] {
			added = append(added, strings.TrimSpace(r))
		}
	}
	for _, r := range workspace.RecipientsIn(writer.Config) {
		if !now[skills.RecipientKey(r)] {
			removed = append(removed, strings.TrimSpace(r))
		}
	}
	if len(added) == 0 && len(removed) == 0 {
		return
	}
	var parts []string
	if len(added) > 0 {
		parts = append(parts, "added "+strings.Join(added, ", "))
	}
	if len(removed) > 0 {
		parts = append(parts, "removed "+strings.Join(removed, ", "))
	}
	w.Warnf("%s: the notes were written in %s (%s) for coach.toml's recipients of then, which have changed since (%s); re-encrypt them to coach.toml's with `coach notes %s --encrypt`",
		t.Path, writer.Rev, writer.When.Format("2006-01-02"), strings.Join(parts, "; "), t.ID)
}

// PlainInHistory warns about each commit that holds a person's private
// notes in plain text: encrypting them today leaves them readable there, in
// every clone. A repository without git has no history to hold them; a
// history that cannot be read is said so, as a warning.
func PlainInHistory(root string) skills.Problems {
	res, err := history.Read(root, history.Options{Stream: true})
	if errors.Is(err, history.ErrNotGit) {
		return nil
	}
	if err != nil {
		return skills.Problems{{Path: skills.SkillsDir, Severity: skills.Warning,
			Message: fmt.Sprintf("the git history could not be read to look for private notes committed in plain text: %v", err),
			Hint:    "run `coach history --all` to see why"}}
	}
	var out skills.Problems
	if res.Incomplete {
		out = append(out, skills.Problem{Path: skills.SkillsDir, Severity: skills.Warning,
			Message: "the history of this clone is incomplete: the commits it lacks were not searched for private notes committed in plain text",
			Hint:    "`git fetch --unshallow` reads the rest"})
	}
	for c := range res.All() {
		if c.Kind != skills.KindPlainNotes {
			continue
		}
		out = append(out, skills.Problem{Path: skills.SkillsDir + "/" + c.Person + ".toml", Severity: skills.Warning,
			Message: fmt.Sprintf("private notes were committed in plain text in commit %s (%s, %s): anyone with a clone can read them there, however they are stored now",
				shortHash(c.Commit), c.Date.Format(time.DateOnly), c.Author),
			Hint: `purge them from every commit with git filter-repo --replace-text, then have everyone clone again: README "Private notes", "Plain text that was committed"`})
	}
	return out
}

func shortHash(h string) string {
	if len(h) > 7 {
		return h[:7]
	}
	return h
}

// EditorCommand is the editor a leader has chosen: $VISUAL, then $EDITOR,
// then vi, as most Unix tools choose it.
func EditorCommand() string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if e := strings.TrimSpace(os.Getenv(v)); e != "" {
			return e
		}
	}
	return "vi"
}

// ErrEditInterrupted means the edit was interrupted; nothing was written.
var ErrEditInterrupted = errors.New("interrupted; the notes were not changed and the temporary file was removed")

// Edit lets the leader edit plain, the notes of t, in the editor command
// line, in a private temporary file removed however the edit ends, and
// returns what the file holds after. An interrupt is ErrEditInterrupted.
func Edit(t *Target, plain, editor string, stdout, stderr io.Writer) (string, error) {
	edited, err := EditText(t.ID+"-notes.md", plain, editor, stdout, stderr)
	if err != nil && !errors.Is(err, ErrEditInterrupted) {
		err = fmt.Errorf("%w; the notes were not changed", err)
	}
	return edited, err
}

// EditText lets the user edit plain in the editor command line, in a file
// named name in a private temporary directory removed however the edit
// ends, and returns what the file holds after. An interrupt is
// ErrEditInterrupted; the caller says what was left unchanged. Peer
// feedback is written with it too.
func EditText(name, plain, editor string, stdout, stderr io.Writer) (edited string, err error) {
	// From here until the deferred removal, the plain text is on disk.
	dir, err := os.MkdirTemp("", "coach-edit-")
	if err != nil {
		return "", fmt.Errorf("make a private temporary directory: %w", err)
	}
	defer func() {
		if rmErr := os.RemoveAll(dir); rmErr != nil && err == nil {
			err = fmt.Errorf("remove the temporary file in %s: %w; delete it by hand", dir, rmErr)
		}
	}()
	if err := os.Chmod(dir, 0o700); err != nil {
		return "", err
	}
	file := filepath.Join(dir, name)
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", fmt.Errorf("make the temporary file: %w", err)
	}
	_, werr := io.WriteString(f, plain)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return "", fmt.Errorf("write the temporary file: %w", werr)
	}

	// Ctrl-C (or closing the terminal) reaches the editor too; coach waits
	// for it to exit, then cleans up instead of dying with the file still
	// there.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	editErr := runEditor(editor, file, stdout, stderr)
	select {
	case <-sigs:
		return "", ErrEditInterrupted
	default:
	}
	var exit *exec.ExitError
	if errors.As(editErr, &exit) && exit.ExitCode() == 130 {
		return "", ErrEditInterrupted // the editor's own Ctrl-C, as shells report it
	}
	if editErr != nil {
		return "", editErr
	}

	data, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("read the edited text: %w", err)
	}
	return string(data), nil
}

// runEditor opens file in the editor command line, through the shell as git
// does, so that EDITOR="code --wait" works.
func runEditor(editor, file string, stdout, stderr io.Writer) error {
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
