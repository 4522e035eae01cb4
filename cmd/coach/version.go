package main

import "github.com/coach-dev/coach/internal/version"

// build is this binary's build (see package version).
type build = version.Build

func readBuild() build { return version.Read() }
