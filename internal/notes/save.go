package notes

import (
	"io"
	"strings"

	"github.com/coach-dev/coach/internal/workspace"
	"github.com/coach-dev/coach/skills"
)

// Options are how the notes command opens and encrypts notes.
type Options struct {
	Identities []string // --identity files; empty: IdentityEnv, then the default file
	// TrustNewRecipients encrypts to recipients added to coach.toml since
	// the leader's last commit.
	TrustNewRecipients bool
	All                bool   // every person: one with no notes is passed over quietly
	Editor             string // the command line of $VISUAL or $EDITOR
}

// Reporter hears what Encrypt and EditAndSave did: the command's stderr.
type Reporter interface {
	io.Writer // the editor's stderr
	Warner
	Errorf(format string, a ...any)
	Wrotef(format string, a ...any)
}

// discard is a Warner that hears nothing: Encrypt says nothing of the keys
// the notes were encrypted to before.
type discard struct{}

func (discard) Warnf(string, ...any) {}

// Encrypt encrypts (or re-encrypts) the notes of people to coach.toml's
// recipients, refusing recipients the leader has not seen unless
// opts.TrustNewRecipients. A person with no notes is an error told to r,
// unless opts.All.
func Encrypt(repo *skills.Repo, people []string, opts Options, r Reporter) error {
	rs, err := Recipients(repo)
	if err != nil {
		return err
	}
	if err := CheckNewRecipients(repo, opts.TrustNewRecipients); err != nil {
		return err
	}
	for _, id := range people {
		t, err := Read(repo, id)
		if err != nil {
			return err
		}
		if !t.Notes.Present || t.Notes.Empty() {
			if !opts.All {
				r.Errorf("%s has no private notes to encrypt", t.Path)
			}
			continue
		}
		verb := "encrypted"
		if t.Notes.Encrypted() {
			verb = "re-encrypted"
		}
		plain, err := Open(t, opts.Identities, discard{})
		if err != nil {
			return err
		}
		if err := Write(t, plain, rs); err != nil {
			return err
		}
		r.Errorf("%s the notes in %s to %d recipient(s)", verb, t.Path, len(rs))
	}
	return nil
}

// EditAndSave opens the notes of id in opts.Editor and writes them back
// encrypted, telling r what it did; unchanged notes are not written, and
// notes edited down to nothing are removed.
func EditAndSave(repo *skills.Repo, id string, opts Options, stdout io.Writer, r Reporter) error {
	rs, err := Recipients(repo)
	if err != nil {
		return err
	}
	if err := CheckNewRecipients(repo, opts.TrustNewRecipients); err != nil {
		return err
	}
	t, err := Read(repo, id)
	if err != nil {
		return err
	}
	plain, err := Open(t, opts.Identities, r)
	if err != nil {
		return err
	}
	WarnStanzas(t, repo, r)

	if plain != "" && !strings.HasSuffix(plain, "\n") {
		plain += "\n" // editors expect a last newline, and add one anyway
	}
	edited, err := Edit(t, plain, opts.Editor, stdout, r)
	if err != nil {
		return err
	}
	if edited == plain && (t.Notes.Encrypted() || t.Notes.Empty()) {
		r.Errorf("the notes of %s are unchanged; nothing was written", t.ID)
		return nil
	}
	if err := Write(t, edited, rs); err != nil {
		return err
	}
	if strings.TrimSpace(edited) == "" {
		r.Errorf("removed the notes of %s from %s", t.ID, t.Path)
		return nil
	}
	r.Wrotef("wrote %s: the notes are encrypted to %d recipient(s)", t.Path, len(rs))
	return nil
}

// WithPlan is a plan's Markdown followed by the person's decrypted notes,
// as coach plan --private prints it to the terminal.
func WithPlan(plan []byte, plain string) []byte {
	var b strings.Builder
	b.Write(plan)
	b.WriteString("\n## Private notes\n\n")
	b.WriteString("_Decrypted for this terminal; never written to a file._\n\n")
	if strings.TrimSpace(plain) == "" {
		b.WriteString("None.\n")
	} else {
		b.WriteString(strings.TrimRight(plain, "\n") + "\n")
	}
	return []byte(b.String())
}

// PrivatePlan is person's plan, as w renders it, followed by their private
// notes decrypted with the identities (see Open), for plan --private to
// print on the terminal: it is never written to a file.
func PrivatePlan(w *workspace.Workspace, person *skills.Person, identities []string, warn Warner) ([]byte, error) {
	pl, err := w.Plan(person)
	if err != nil {
		return nil, err
	}
	content, err := w.Render(person, pl)
	if err != nil {
		return nil, err
	}
	target, err := Read(w.Repo, person.ID)
	if err != nil {
		return nil, err
	}
	plain, err := Open(target, identities, warn)
	if err != nil {
		return nil, err
	}
	return WithPlan(content, plain), nil
}
