import type { NoteSubmission } from "./note-rules";
import { scoreNote, type NoteScores } from "./scoring";
import { compareIdsDescending, snowflake } from "./snowflake";

export type SimNote = Omit<NoteSubmission, "testMode" | "postId"> & {
  id: string;
  writerId: string;
  testMode: boolean;
  postId: string;
  /** Simulated time. */
  createdAtMs: number;
  deletedAtMs: number | null;
  scores: NoteScores;
};

/** Every note writers created, deleted ones included: a deleted note still used up its post. */
export class Notebook {
  private notes: SimNote[] = [];
  private sequence = 0;

  /** The writer's note on the post in this mode, deleted or not. */
  existing(writerId: string, testMode: boolean, postId: string): SimNote | undefined {
    return this.notes.find((n) => n.writerId === writerId && n.testMode === testMode && n.postId === postId);
  }

  create(writerId: string, submission: NoteSubmission, simulatedNow: number): SimNote {
    const { testMode, postId, ...info } = submission;
    const note: SimNote = {
      ...info,
      id: snowflake(simulatedNow, this.sequence++),
      writerId,
      testMode,
      postId,
      createdAtMs: simulatedNow,
      deletedAtMs: null,
      scores: scoreNote(submission.text),
    };
    this.notes.push(note);
    return note;
  }

  /** Live notes of a writer in a mode, newest first. */
  list(writerId: string, testMode: boolean): SimNote[] {
    return this.notes
      .filter((n) => n.writerId === writerId && n.testMode === testMode && n.deletedAtMs === null)
      .sort((a, b) => compareIdsDescending(a.id, b.id));
  }

  find(writerId: string, noteId: string): SimNote | undefined {
    return this.notes.find((n) => n.id === noteId && n.writerId === writerId && n.deletedAtMs === null);
  }

  delete(note: SimNote, simulatedNow: number): void {
    note.deletedAtMs = simulatedNow;
  }

  all(): readonly SimNote[] {
    return this.notes;
  }

  clear(): void {
    this.notes = [];
  }
}
