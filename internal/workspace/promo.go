package workspace

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/coach-dev/coach/internal/cycle"
	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
)

// Case builds p's promotion case and renders it, marker line first, with
// the repository's templates/promo.md.tmpl when it has one.
func (w *Workspace) Case(p *skills.Person) (*cycle.Case, []byte, error) {
	pl, err := w.Plan(p)
	if err != nil {
		return nil, nil, err
	}
	own, err := w.PlanHistory(p)
	if err != nil {
		return nil, nil, err
	}
	c, err := cycle.BuildCase(cycle.PromoInput{Matrix: w.Repo.Matrix, Config: w.Repo.Config, Person: p, Team: w.Repo.People, Plan: pl, History: own})
	if err != nil {
		return nil, nil, err
	}
	body, err := w.Templates.Render("promo.md.tmpl", c)
	if err != nil {
		return nil, nil, err
	}
	return c, append([]byte(cycle.CaseMarker(p.Path)+"\n"), body...), nil
}

// WrittenCases lists the ids of the promotion cases written in
// promotions/, sorted: the files there that start with coach's marker.
func (w *Workspace) WrittenCases() ([]string, error) {
	matches, err := fs.Glob(w.Repo.FS(), "promotions/*.md")
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, m := range matches {
		id := strings.TrimSuffix(path.Base(m), ".md")
		if coachWrote(w.Repo.FS(), m, cycle.CaseMarker(skills.SkillsDir+"/"+id+".toml")) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids, nil
}

// Packet builds the calibration packet of the part of the organisation
// under under ("" for all of it), for the people holding role ("" for
// everyone), and renders it, marker line first, with the repository's
// templates/calibrate.md.tmpl when it has one.
func (w *Workspace) Packet(ctx context.Context, under, role string) (*cycle.Packet, []byte, error) {
	people, err := w.People(nil)
	if err != nil {
		return nil, nil, err
	}
	built, err := w.BuildPlans(ctx, people, false)
	if err != nil {
		return nil, nil, err
	}
	byID := make(map[string]*plans.Plan, len(people))
	cases := map[string]bool{}
	for i, p := range people {
		byID[p.ID] = built[i].Plan
		if _, err := os.Stat(filepath.Join(w.Repo.Root, filepath.FromSlash(cycle.CasePath(p.ID)))); err == nil {
			cases[p.ID] = true
		}
	}
	team, err := plans.BuildTeam(plans.TeamInput{Matrix: w.Repo.Matrix, Config: w.Repo.Config, People: people,
		Plans: byID, Index: w.TeamIndex(), Under: under})
	if err != nil {
		return nil, nil, err
	}
	pk, err := cycle.BuildPacket(cycle.CalibrateInput{Matrix: w.Repo.Matrix, Config: w.Repo.Config, People: people,
		Plans: byID, Team: team, Under: under, Role: role, Cases: cases})
	if err != nil {
		return nil, nil, err
	}
	body, err := w.Templates.Render("calibrate.md.tmpl", pk)
	if err != nil {
		return nil, nil, err
	}
	return pk, append([]byte(cycle.PacketMarker()+"\n"), body...), nil
}

// CaseProblems warns about the promotion cases in promotions/ that coach
// wrote for someone who has no skill file any more: nothing keeps them
// current, and a round could read one as if it were.
func CaseProblems(repo *skills.Repo) skills.Problems {
	matches, err := fs.Glob(repo.FS(), "promotions/*.md")
	if err != nil {
		return nil
	}
	var out skills.Problems
	for _, m := range matches {
		id := strings.TrimSuffix(path.Base(m), ".md")
		source := skills.SkillsDir + "/" + id + ".toml"
		if _, err := fs.Stat(repo.FS(), source); err == nil || !coachWrote(repo.FS(), m, cycle.CaseMarker(source)) {
			continue
		}
		out = append(out, skills.Problem{Path: cycle.CasePath(id), Severity: skills.Warning,
			Message: fmt.Sprintf("this promotion case is for %s, who has no skill file any more", id),
			Hint:    fmt.Sprintf("delete it, or restore %s", source)})
	}
	return out
}
