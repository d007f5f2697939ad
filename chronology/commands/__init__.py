"""The user-facing subcommands `build` and `tag`, and the input handling they share."""
