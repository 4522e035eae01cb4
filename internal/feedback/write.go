package feedback

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/coach-dev/coach/internal/files"
	"github.com/coach-dev/coach/internal/notes"
	"github.com/coach-dev/coach/internal/workspace"
	"github.com/coach-dev/coach/skills"
)

// Options are how `coach feedback NAME` writes a piece of feedback.
type Options struct {
	Author string // the author's person or leader id, kept inside only
	// TrustNewRecipients encrypts to keys added to coach.toml since the
	// author's last commit.
	TrustNewRecipients bool
	Editor             string    // the command line of $VISUAL or $EDITOR
	Today              time.Time // the feedback's date
}

// Reporter hears what Write did: the command's stderr.
type Reporter interface {
	io.Writer // the editor's stderr
	Warnf(format string, a ...any)
	Wrotef(format string, a ...any)
}

// interrupted is an edit interrupted: nothing was written. It is
// notes.ErrEditInterrupted for the exit status, in words about feedback.
type interrupted struct{}

func (interrupted) Error() string {
	return "interrupted; no feedback was written and the temporary file was removed"
}
func (interrupted) Is(target error) bool { return target == notes.ErrEditInterrupted }

// author checks that id is someone of the repository, other than person.
func author(repo *skills.Repo, id, person string) error {
	switch {
	case id == "":
		return &notes.UsageError{Msg: "whose feedback is it? coach keeps the author's id inside the encrypted text",
			Hint: "add --as YOUR-ID, your skill file's name or your [[leader]] id in coach.toml"}
	case id == person:
		return &notes.UsageError{Msg: "feedback is what colleagues write about a person; your own view of your work goes in a self-review",
			Hint: "run `coach self " + person + "`"}
	}
	if repo.Config.Leader(id) != nil {
		return nil
	}
	_, err := repo.Person(id)
	return err
}

// Write asks the author for feedback about person in their editor, and
// writes it encrypted, exclusively, as feedback/PERSON/DATE-ID.age.
func Write(ctx context.Context, repo *skills.Repo, person string, opts Options, stdout io.Writer, r Reporter) error {
	p, err := repo.Person(person)
	if err != nil {
		return err
	}
	if err := author(repo, opts.Author, p.ID); err != nil {
		return err
	}
	rs, err := Recipients(repo, p.ID)
	if err != nil {
		return err
	}
	if err := CheckNewKeys(repo, p.ID, opts.TrustNewRecipients); err != nil {
		return err
	}
	text, err := notes.EditText("feedback-"+p.ID+".txt", Form(p, repo.Matrix), opts.Editor, stdout, r)
	switch {
	case errors.Is(err, notes.ErrEditInterrupted):
		return interrupted{}
	case err != nil:
		return fmt.Errorf("%w; no feedback was written", err)
	}
	e, unknown, err := Parse(text, repo.Matrix)
	if err != nil {
		return err
	}
	for _, s := range unknown {
		r.Warnf("the matrix has no skill %q: the feedback keeps it as written, and is read under \"Not about a skill of the matrix\"", s)
	}
	e.About, e.Author, e.Date = p.ID, opts.Author, opts.Today.Format(time.DateOnly)
	sealed, err := Seal(e, rs)
	if err != nil {
		return err
	}
	path, err := Create(ctx, repo.Root, p.ID, opts.Today, sealed)
	if err != nil {
		return err
	}
	r.Wrotef("wrote %s, encrypted to %d key(s); commit it, and regenerate %s's plan, which counts it", path, len(rs), p.ID)
	return nil
}

// Request adds to feedback/requests.toml a request for feedback about
// person from each of from, dated today: their agendas show it for two
// weeks. A request already there is not added again.
func Request(ctx context.Context, repo *skills.Repo, person string, from []string, today time.Time, r Reporter) error {
	if _, err := repo.Person(person); err != nil {
		return err
	}
	for i := range from {
		from[i] = strings.TrimSpace(from[i])
	}
	for _, id := range from {
		if id == person {
			return &notes.UsageError{Msg: fmt.Sprintf("%s cannot be asked for feedback about themselves", id),
				Hint: "ask them for a self-review instead: `coach self " + id + "`"}
		}
		if _, err := repo.Person(id); err != nil {
			return err
		}
	}
	old, err := workspace.Requests(repo.Root)
	if err != nil {
		return err
	}
	day, _ := time.Parse(time.DateOnly, today.Format(time.DateOnly))
	all := append([]workspace.Request(nil), old...)
	var added []string
	for _, id := range from {
		req := workspace.Request{About: person, From: id, Date: day}
		dup := false
		for _, o := range old {
			dup = dup || o.About == req.About && o.From == req.From && o.Date.Equal(day)
		}
		if !dup {
			all = append(all, req)
			added = append(added, id)
		}
	}
	if len(added) == 0 {
		r.Wrotef("%s is up to date: %s asked already today", workspace.RequestsFile, strings.Join(from, ", "))
		return nil
	}
	if len(all) > workspace.MaxRequests {
		return fmt.Errorf("%s would hold more than %d requests; remove the old ones first", workspace.RequestsFile, workspace.MaxRequests)
	}
	file := filepath.Join(repo.Root, filepath.FromSlash(workspace.RequestsFile))
	data := workspace.RequestsText(all)
	prev, err := os.ReadFile(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		err = files.Create(ctx, file, workspace.RequestsFile, data)
	case err == nil:
		err = files.Replace(ctx, file, workspace.RequestsFile, prev, data, "coach feedback --request "+person+" --from "+strings.Join(from, ","))
	}
	if err != nil {
		return err
	}
	r.Wrotef("wrote %s: feedback about %s asked of %s; their agendas show it for two weeks", workspace.RequestsFile, person, strings.Join(added, ", "))
	return nil
}
