"use client";

import { useState } from "react";
import { Play } from "lucide-react";
import { playerUrlOf } from "@/lib/training/video";

/** A click-to-play placeholder: nothing loads from the video host until the learner asks for it. */
export function VideoEmbed({ url, title }: { url: string; title: string }) {
  const [playing, setPlaying] = useState(false);
  if (playing)
    return (
      <iframe
        src={playerUrlOf(url)}
        title={title}
        className="aspect-video w-full rounded-lg border"
        allow="autoplay; fullscreen; picture-in-picture"
        referrerPolicy="strict-origin-when-cross-origin"
        allowFullScreen
      />
    );
  return (
    <button
      type="button"
      onClick={() => setPlaying(true)}
      className="flex aspect-video w-full flex-col items-center justify-center gap-2 rounded-lg border bg-muted text-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
    >
      <Play className="size-8" aria-hidden />
      <span>Play video: {title}</span>
      <span className="text-xs text-muted-foreground">Loads the player from {new URL(url).host}</span>
    </button>
  );
}
