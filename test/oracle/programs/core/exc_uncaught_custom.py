# Checks: an uncaught user exception with a message raised from nested calls ends the program.
class ConfigError(Exception):
    pass

def load(name):
    if name == "bad":
        raise ConfigError("cannot load " + name)
    return {"name": name}

def main():
    print(load("good"))
    print(load("bad"))

main()
