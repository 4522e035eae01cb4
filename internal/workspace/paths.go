package workspace

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/coach-dev/coach/history"
	"github.com/coach-dev/coach/skills"
	"github.com/coach-dev/coach/templates"
)

// KnownPerson accepts an id that has a skill file today or appears in the
// history (someone who has left), and otherwise names the closest ids.
func KnownPerson(repo *skills.Repo, changes []skills.Change, id string) error {
	ids := history.People(changes)
	for _, f := range repo.Files {
		if strings.HasPrefix(f, skills.SkillsDir+"/") {
			ids = append(ids, skills.PersonID(f))
		}
	}
	for _, known := range ids {
		if known == id {
			return nil
		}
	}
	if _, err := os.Stat(filepath.Join(repo.Root, skills.SkillsDir, id+".toml")); err == nil {
		return nil
	}
	for _, c := range changes {
		if c.Kind == skills.KindRenamed && c.From == id {
			return &skills.UnknownPersonError{ID: id, Closest: []string{c.To},
				RenamedOn: c.Date}
		}
	}
	return &skills.UnknownPersonError{ID: id, Closest: skills.CloseIDs(id, dedupe(ids), 3)}
}

func dedupe(ids []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// CoachPath returns, as a slash path from the repository root, the file or
// directory of the coaching repository at root that holds file when coach
// reads it (coach.toml, matrix.toml, skills/, templates/, .coach/) or writes
// it (plans/, agendas/, promotions/, calibration/, reviews/, self/, feedback/, .git/), and "" when file is none of them. Symbolic
// links are followed, so a link cannot lead a write into them.
func CoachPath(root, file string) string {
	abs, err := filepath.Abs(file)
	if err != nil {
		return ""
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	} else if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(dir, filepath.Base(abs))
	}
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	for _, part := range strings.Split(filepath.ToSlash(abs), "/") {
		if part == ".git" {
			return ".git/"
		}
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ""
	}
	rel = filepath.ToSlash(rel)
	first, _, nested := strings.Cut(rel, "/")
	switch {
	case !nested && (first == skills.ConfigFile || first == skills.MatrixFile):
		return first
	case nested && slices.Contains(coachDirs, first):
		return first + "/"
	}
	return ""
}

// coachDirs are the directories coach reads or writes, whole.
var coachDirs = []string{skills.SkillsDir, templates.Dir, ".coach", "plans", "agendas", "promotions", "calibration", "reviews", "self", "feedback"}
