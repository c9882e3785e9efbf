print("lvscope")
