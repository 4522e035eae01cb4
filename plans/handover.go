package plans

import "github.com/coach-dev/coach/skills"

// handover is a manager's move off leading people, as their report's plan
// sees it: the manager's own file asks for the individual-contributor
// track, so who manages the report next is being agreed with the manager's
// manager, and what the plan promises past the hand-over is made with them.
type handover struct {
	as   string // the role the manager moves to, "" when their file names none
	with string // the manager's manager, by name
}

// handoverOf is p's manager's move off leading people, read from the
// manager's file as the agendas read it (trackMoves); nil when the manager
// stays, or when nobody above them is named to agree the hand-over with.
func handoverOf(m *skills.Matrix, p *skills.Person, team *TeamIndex) *handover {
	mgr := team.people[p.Manager]
	if m == nil || mgr == nil || mgr.Aspiration == nil || mgr.Aspiration.Track != skills.TrackIC {
		return nil
	}
	if role := m.Role(mgr.Role); role == nil || !role.Leads || team.names[mgr.Manager] == "" {
		return nil
	}
	h := &handover{with: team.names[mgr.Manager]}
	if t := mgr.TargetRole(m); t != mgr.Role {
		h.as = roleName(m, t)
	}
	return h
}
