package main

// Who can read private notes is coach.toml's [private] recipients, and
// anyone who can push can add a key there. Nothing is encrypted to a
// recipient the leader has not seen (one added since their last commit)
// unless they say so, and a note encrypted to other keys than coach.toml
// lists is pointed out when it is read.

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/coach-dev/coach/history"
	"github.com/coach-dev/coach/internal/workspace"
	"github.com/coach-dev/coach/skills"
)

// newRecipientsError refuses to encrypt to recipients the leader has not
// seen.
type newRecipientsError struct{ msg, hint string }

func (e *newRecipientsError) Error() string { return e.msg }

// checkNewRecipients refuses when coach.toml lists a recipient that HEAD's
// coach.toml lists and the coach.toml of the leader's last commit did not:
// one that came in with someone else's commit. A recipient added in the
// working tree is the leader's own; a repository without commits has no
// one else's.
func checkNewRecipients(repo *skills.Repo, trust bool) error {
	if trust {
		return nil
	}
	snaps, err := history.OpenSnapshots(repo.Root)
	if errors.Is(err, history.ErrNotGit) {
		return nil // no history: every recipient is the working tree's
	}
	if errors.Is(err, history.ErrSHA256) || errors.Is(err, history.ErrUnsupported) {
		return &newRecipientsError{
			msg:  fmt.Sprintf("coach cannot read this repository's history (%v), so it cannot tell which of coach.toml's [private] recipients you have seen", err),
			hint: "check whose keys they are (git log -p coach.toml), then run again with --trust-new-recipients",
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
	seen := map[string]bool{}
	if mine != nil {
		for _, r := range workspace.RecipientsIn(mine.Config) {
			seen[skills.RecipientKey(r)] = true
		}
	}
	atHead := map[string]bool{}
	for _, r := range workspace.RecipientsIn(head.Config) {
		atHead[skills.RecipientKey(r)] = true
	}
	var added []string
	for _, r := range repo.Config.Private.Recipients {
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
	return &newRecipientsError{
		msg: fmt.Sprintf("coach.toml's [private] recipients include %d key(s) added %s: %s; the notes would be encrypted to them, and anyone holding one would read them",
			len(added), since, strings.Join(added, ", ")),
		hint: "check whose keys they are (git log -p coach.toml); run again with --trust-new-recipients if you know, or remove them from coach.toml",
	}
}

// warnStanzas says when a note is encrypted to other keys than coach.toml
// lists, as far as the file shows: how many keys of each type, and the tag
// of each SSH key.
func warnStanzas(t *notesTarget, repo *skills.Repo, stderr *report) {
	if !t.notes.Encrypted() {
		return
	}
	have, err := skills.NoteStanzas(t.notes.Value)
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
		warnWrittenFor(t, repo, stderr)
		return
	}
	stderr.Warnf("%s: the notes are encrypted to %s, and coach.toml's [private] recipients are %s; re-encrypt them to coach.toml's with `coach notes %s --encrypt`",
		t.path, describeStanzas(have), describeStanzas(want), t.id)
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
func warnWrittenFor(t *notesTarget, repo *skills.Repo, stderr *report) {
	snaps, err := history.OpenSnapshots(repo.Root)
	if err != nil {
		return // no git, or one coach cannot read: nothing to compare with
	}
	defer snaps.Close()
	want := skills.NotesFingerprint(t.notes.Value)
	writer, err := snaps.WrittenIn(t.path, func(data []byte) bool {
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
	stderr.Warnf("%s: the notes were written in %s (%s) for coach.toml's recipients of then, which have changed since (%s); re-encrypt them to coach.toml's with `coach notes %s --encrypt`",
		t.path, writer.Rev, writer.When.Format("2006-01-02"), strings.Join(parts, "; "), t.id)
}
