package main

// A pull request is reviewed by rules it must not write itself. coach diff
// renders its summary with the base's templates, and opens it with an alert
// when the change touches what a review is made by (the matrix, coach.toml,
// the templates), who can read private notes (coach.toml's recipients), or
// anyone's private notes (which anyone who can push can write, since they
// are encrypted to public keys). The alert is written here, not by a
// template, so that no template can leave it out.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/coach-dev/coach/history"
	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/coach-dev/coach/templates"
	"github.com/go-git/go-git/v5/plumbing"
)

// rulesAt are the rules of a revision, from its files.
func rulesAt(s *history.Snapshot) plans.Rules {
	return plans.Rules{Matrix: s.Matrix, Config: s.Config, Templates: s.Templates, Recipients: recipientsIn(s.Config), Code: s.Code}
}

// recipientsIn are the [private] recipients of a coach.toml; none when it
// cannot be read (coach check reports why).
func recipientsIn(config []byte) []string {
	if config == nil {
		return nil
	}
	cfg, _ := skills.DecodeConfig(skills.ConfigFile, config)
	return cfg.Private.Recipients
}

// workTreeRules are the working tree's rules. A template that is a
// symbolic link is compared by where it leads, never read through.
func workTreeRules(root string) (plans.Rules, error) {
	var r plans.Rules
	var err error
	if r.Matrix, err = readBounded(filepath.Join(root, skills.MatrixFile), skills.MatrixFile, skills.MaxMatrixSize, "the matrix"); err != nil {
		return r, err
	}
	if r.Config, err = readBounded(filepath.Join(root, skills.ConfigFile), skills.ConfigFile, skills.MaxConfigSize, skills.ConfigFile); err != nil {
		return r, err
	}
	r.Recipients = recipientsIn(r.Config)
	r.Templates = map[string][]byte{}
	dir := filepath.Join(root, templates.Dir)
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		return r, fmt.Errorf("read %s/: %w", templates.Dir, err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".tmpl") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if e.Type()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			if err != nil {
				return r, fmt.Errorf("read %s/%s: %w", templates.Dir, e.Name(), err)
			}
			r.Templates[e.Name()] = []byte("symbolic link to " + target)
			continue
		}
		if !e.Type().IsRegular() {
			continue
		}
		if r.Templates[e.Name()], err = readBounded(p, templates.Dir+"/"+e.Name(), skills.MaxTemplateSize, "a template"); err != nil {
			return r, err
		}
	}
	r.Code = map[string]string{}
	for _, dir := range []string{"hooks", ".github/workflows"} {
		if err := codeHashes(root, dir, r.Code); err != nil {
			return r, err
		}
	}
	return r, nil
}

// maxCode bounds a file that runs as code, read only to be hashed.
const maxCode = 1 << 20

// codeHashes adds the files of the working tree's dir to code, by path, as
// git's blob hash of what git would commit: a file's content, a link's
// target. A file over maxCode is hashed by its size alone, which still
// differs from any version of it git holds within the limit.
func codeHashes(root, dir string, code map[string]string) error {
	entries, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(dir)))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read %s/: %w", dir, err)
	}
	for _, e := range entries {
		p := filepath.Join(root, filepath.FromSlash(dir), e.Name())
		var data []byte
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return fmt.Errorf("read %s/%s: %w", dir, e.Name(), err)
			}
			data = []byte(target)
		case e.Type().IsRegular():
			if data, err = readBounded(p, dir+"/"+e.Name(), maxCode, "a file"); err != nil {
				var over *skills.ProblemsError
				if !errors.As(err, &over) {
					return err
				}
				data = []byte(fmt.Sprintf("over %d bytes", maxCode))
			}
		default:
			continue
		}
		code[dir+"/"+e.Name()] = plumbing.ComputeHash(plumbing.BlobObject, data).String()
	}
	return nil
}

// readBounded reads an optional file of the working tree, nil when there
// is none, refusing one over max before reading it.
func readBounded(file, name string, max int64, what string) ([]byte, error) {
	f, err := os.Open(file)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > max {
		return nil, &skills.ProblemsError{Problems: skills.Problems{*skills.SizeProblem(name, int64(len(data)), int(max), what)}}
	}
	return data, nil
}

// reviewTemplates are the templates a review is written with: the base
// revision's, or the built-in ones when the base has no commits or its
// templates do not load (with a warning). It returns them with the name of
// whose they are.
func reviewTemplates(base *history.Snapshot, stderr *report) (*templates.Set, string) {
	if base.Commit != "" {
		set, err := templates.LoadFiles(base.Templates, base.Rev+":")
		if err == nil {
			return set, "the templates of " + revLabel(base)
		}
		stderr.Warnf("the templates of %s do not load, so the summary is written with the built-in ones: %v", base.Rev, err)
	}
	set, err := templates.Load(nil)
	if err != nil {
		panic(err) // the built-in templates are tested: a bug in coach
	}
	return set, "the built-in templates"
}

// notesCommits fills in who changed each person's private notes: the
// commits after base up to the head that changed them, and whether the
// working tree changes them again.
func notesCommits(snaps *history.Snapshots, r *plans.Review, base *history.Snapshot, headCommit string, workTree bool, head plans.Side) error {
	var atHead *history.Snapshot
	for i := range r.People {
		pr := &r.People[i]
		if pr.Notes == nil {
			continue
		}
		commit := headCommit
		if workTree {
			if atHead == nil {
				var err error
				if atHead, err = snaps.At("HEAD"); err != nil {
					return revisionError(err)
				}
			}
			commit = atHead.Commit
			was := ""
			if src, ok := atHead.Files[pr.Path]; ok {
				if p, err := skills.ParsePerson(pr.Path, src); err == nil {
					was = p.Notes
				}
			}
			if p := head.People[pr.ID]; p != nil && p.Notes != was {
				pr.Notes.Uncommitted = true
			}
		}
		if commit == "" || commit == base.Commit {
			continue
		}
		found, complete, err := snaps.Between(base.Commit, commit, pr.Path)
		if err != nil {
			return err
		}
		pr.Notes.Incomplete = !complete
		for _, c := range found {
			before, after := notesOf(pr.Path, c.Before), notesOf(pr.Path, c.After)
			if before == after {
				continue
			}
			pr.Notes.Commits = append(pr.Notes.Commits, plans.NotesCommit{Commit: c.Commit, Committer: c.Committer,
				CommitterEmail: c.CommitterEmail, Author: c.Author, AuthorEmail: c.AuthorEmail})
		}
	}
	return nil
}

func notesOf(path string, src []byte) string {
	if src == nil {
		return ""
	}
	p, err := skills.ParsePerson(path, src)
	if err != nil {
		return "unreadable"
	}
	return p.Notes
}

// reviewAlert is the alert that opens a review's Markdown, "" when there is
// nothing to warn of. Every value in it is escaped as a template's would be.
func reviewAlert(r *plans.Review) string {
	// A value is cut short, so that a 200 KB name cannot push the rest of
	// the alert out of the comment.
	esc := func(s string) string { return templates.Escape(shorten(s, 300)) }
	keys := func(list []string) string {
		out := make([]string, len(list))
		for i, k := range list {
			out[i] = templates.Escape(shorten(k, 1000)) // an ssh-rsa key is about 750
		}
		return strings.Join(out, ", ")
	}
	var paras []string
	if rr := r.Rules; rr != nil && len(rr.Changed) > 0 {
		paras = append(paras, fmt.Sprintf("**This change edits the files coach reviews it by**: %s. "+
			"Read those changes line by line; this summary is written with %s, not the change's own.",
			esc(strings.Join(rr.Changed, ", ")), esc(rr.RenderedWith)))
	}
	if rr := r.Rules; rr != nil && (len(rr.RecipientsAdded) > 0 || len(rr.RecipientsRemoved) > 0) {
		var parts []string
		if len(rr.RecipientsAdded) > 0 {
			parts = append(parts, fmt.Sprintf("it adds %s to coach.toml's [private] recipients (a key that will read every private note encrypted after this merges: know whose it is)",
				keys(rr.RecipientsAdded)))
		}
		if len(rr.RecipientsRemoved) > 0 {
			parts = append(parts, fmt.Sprintf("it removes %s from them (which can still read every note written before)", keys(rr.RecipientsRemoved)))
		}
		paras = append(paras, "**This change alters who can read private notes**: "+strings.Join(parts, "; ")+".")
	}
	var notes []string
	for _, pr := range r.People {
		if pr.Notes == nil {
			continue
		}
		var by []string
		seen := map[string]bool{}
		for _, c := range pr.Notes.Commits {
			who := fmt.Sprintf("%s <%s>", c.Committer, c.CommitterEmail)
			if c.Author != c.Committer || c.AuthorEmail != c.CommitterEmail {
				who += fmt.Sprintf(" (author %s <%s>)", c.Author, c.AuthorEmail)
			}
			who += " in " + c.Commit[:7]
			if !seen[who] {
				seen[who] = true
				by = append(by, esc(who))
			}
		}
		if pr.Notes.Incomplete {
			by = append(by, "commits this clone does not have")
		}
		var parts []string
		if len(by) > 0 {
			parts = append(parts, "committed by "+strings.Join(by, ", "))
		}
		if pr.Notes.Uncommitted {
			parts = append(parts, "changed in the working tree, not committed yet")
		}
		line := fmt.Sprintf("%s (%s)", esc(pr.Name), esc(pr.ID))
		if len(parts) > 0 {
			line += ", " + strings.Join(parts, ", and ")
		}
		notes = append(notes, line)
	}
	if rr := r.Rules; rr != nil && len(rr.Code) > 0 {
		paras = append(paras, fmt.Sprintf("**This change edits files that run as code**: %s. Review them as code: the workflow runs in CI with this repository's token, and the hooks on the machine of everyone who set `core.hooksPath hooks`.",
			esc(strings.Join(rr.Code, ", "))))
	}
	if len(notes) > 0 {
		sort.Strings(notes)
		paras = append(paras, "**Private notes changed**: "+strings.Join(notes, "; ")+
			". Notes are encrypted to public keys, so anyone who can push can write them: make sure each committer is someone who may.")
	}
	if len(paras) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("> [!WARNING]\n")
	for i, p := range paras {
		if i > 0 {
			b.WriteString(">\n")
		}
		b.WriteString("> " + p + "\n")
	}
	b.WriteString("\n")
	return b.String()
}

// fitComment cuts a review's Markdown to at most limit bytes, at a line
// break, and ends it with a paragraph that says it was cut.
func fitComment(md []byte, limit int) []byte {
	if len(md) <= limit {
		return md
	}
	const cut = "**This summary was cut here**: it is longer than a pull-request comment may be. Run `coach diff` on the branch for all of it.\n"
	keep := max(0, limit-len(cut)-2)
	for keep > 0 && !utf8.RuneStart(md[keep]) {
		keep--
	}
	if i := bytes.LastIndexByte(md[:keep], '\n'); i > 0 {
		keep = i
	}
	out := append([]byte{}, bytes.TrimRight(md[:keep], "\n")...)
	if len(out) > 0 {
		out = append(out, "\n\n"...)
	}
	return append(out, cut...)
}

// shorten cuts s to at most n runes, ending in "…" when it was cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := 0; k < n-1; k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i] + "…"
}
