print("mieruka")
