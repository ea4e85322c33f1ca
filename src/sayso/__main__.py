"""`python -m sayso` runs the command line."""

from sayso.cli.main import main

main()
